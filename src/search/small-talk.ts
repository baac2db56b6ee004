/**
 * Greetings, thanks and bare requests for help ("hola", "buenos días", "gracias", "help", "¿me ayudas?"):
 * messages with no question about the guide in them. They deserve a friendly pointer to what the bot can
 * do, not "no encontré un paso sobre «hola»".
 */
import { fold, words } from './text.ts';

/** Phrases removed first, so "buenos días" does not leave "días" (a deadline cue) behind. */
const PHRASES =
  /\b(buen(os|as)? (dias|tardes|noches)|buen dia|que tal|que onda|muchas gracias|mil gracias|thank you|good (morning|afternoon|evening)|en que (me )?(puedes )?ayudar(me)?|en que me ayudas|what can you do|can you help( me)?)\b/g;

const SOCIAL = new Set([
  'hola',
  'holi',
  'buenas',
  'saludos',
  'gracias',
  'grax',
  'ayuda',
  'ayudas',
  'ayudame',
  'ayudar',
  'auxilio',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thx',
  'help',
  'bot',
  'oye',
  'ok',
  'okay',
  'va',
  'sale',
  'perfecto',
  'excelente',
]);

/** Words that may surround a greeting without making it a question ("hola, ¿me ayudas por favor?"). */
const FILLER = new Set([
  'me',
  'te',
  'por',
  'favor',
  'porfa',
  'please',
  'a',
  'y',
  'de',
  'que',
  'en',
  'puedes',
  'podrias',
  'can',
  'you',
  'i',
  'need',
  'necesito',
  'una',
  'un',
  'la',
  'el',
  'the',
  'muy',
  'amable',
  'todos',
  'todas',
]);

/** True when the message is only a greeting, thanks or a request for help. */
export function isSmallTalk(question: string): boolean {
  const rest = words(fold(question).replace(PHRASES, ' hola '));
  let social = 0;
  for (const word of rest) {
    if (SOCIAL.has(word)) social++;
    else if (!FILLER.has(word)) return false;
  }
  return social > 0;
}
