/**
 * Greetings, thanks, goodbyes and bare requests for help ("hola", "gracias", "adiós", "¿me ayudas?"):
 * messages with no question about the guide in them. They deserve a friendly reply, not "no encontré un
 * paso sobre «hola»". Returns which kind, so the renderer can say hello, you're welcome or goodbye.
 */
import type { SmallTalk } from './read.ts';
import { fold, wordSet, words } from './text.ts';

/** Phrases removed first, so "buenos días" does not leave "días" (a deadline cue) behind. */
const PHRASES: Array<[RegExp, string]> = [
  [/\b(muchas gracias|mil gracias|thank you|te lo agradezco|se agradece)\b/g, ' gracias '],
  [/\bsaludos (desde|de parte de) [^?¿.]*\.?\s*$/g, ' hola '],
  [
    /\b(hasta luego|hasta pronto|hasta manana|nos vemos|see you|good ?bye|que (estes|esten|este) (muy )?bien|cuidate|cuidense)\b/g,
    ' adios ',
  ],
  [
    /\b(buen(os|as)? (dias|tardes|noches)|buen dia|que tal|(que|q|k) onda|good (morning|afternoon|evening)|como (estas|estan|esta|te va|les va|andas|amaneciste|vas|van)|how are you|que tengas (un )?(buen|bonito|excelente) (dia|fin de semana|fin)|que te vaya bien|en que (me )?(puedes )?ayudar(me)?|en que me ayudas|what can you do|can you help( me)?)\b/g,
    ' hola ',
  ],
];

const KINDS: Record<string, SmallTalk> = {
  hola: 'greeting',
  holi: 'greeting',
  buenas: 'greeting',
  saludos: 'greeting',
  hi: 'greeting',
  hello: 'greeting',
  hey: 'greeting',
  oye: 'greeting',
  bot: 'greeting',
  gracias: 'thanks',
  grax: 'thanks',
  grasias: 'thanks',
  grcs: 'thanks',
  gracia: 'thanks',
  thanks: 'thanks',
  thx: 'thanks',
  ty: 'thanks',
  adios: 'bye',
  bye: 'bye',
  chao: 'bye',
  chau: 'bye',
  ayuda: 'help',
  ayudas: 'help',
  ayudame: 'help',
  ayudar: 'help',
  auxilio: 'help',
  help: 'help',
  // Acknowledgements read as thanks: the conversation is closing, not asking.
  ok: 'thanks',
  okay: 'thanks',
  va: 'thanks',
  sale: 'thanks',
  perfecto: 'thanks',
  excelente: 'thanks',
  genial: 'thanks',
  listo: 'thanks',
  entendido: 'thanks',
  vale: 'thanks',
  arre: 'thanks',
  // A Nahuatl greeting some officials use.
  niltze: 'greeting',
};

/** Words that may surround a greeting without making it a question ("hola, ¿me ayudas por favor?"). */
const FILLER = wordSet(
  'me te por favor porfa please a y de que en puedes podrias can you i need necesito una un la el the muy amable todos todas mucho sirvio funciono sirve ya eso es todo super so much lot all eso era era todo salvaste me mil util utiles bueno buenisimo chido very useful helpful great manana vida claro clara clarisimo clarisima respuesta ayuda there quedo queda montonal monton bastante equipo buen fin semana feliz dia tarde noche les los nos vemos ahi hasta tu tus su sus hoy ahorita momento seria nada mas por ahora fue compa compas carnal bonito bonita lindo linda',
);

/** The kind of small talk the message is, or undefined when it holds a question. */
export function smallTalkKind(question: string): SmallTalk | undefined {
  let text = fold(question);
  for (const [pattern, word] of PHRASES) text = text.replace(pattern, word);
  const seen: SmallTalk[] = [];
  for (const word of words(text)) {
    const kind = Object.hasOwn(KINDS, word) ? KINDS[word] : undefined;
    if (kind) seen.push(kind);
    else if (!FILLER.has(word)) return undefined;
  }
  // "gracias, adiós" says goodbye; "hola, ¿me ayudas?" asks for help.
  for (const kind of ['bye', 'help', 'thanks', 'greeting'] as const) if (seen.includes(kind)) return kind;
  return undefined;
}
