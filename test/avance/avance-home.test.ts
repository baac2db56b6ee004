import { describe, expect, it } from 'vitest';
import { handleAvance } from '../../src/bot/avance-command.ts';
import { createAvanceHomeSection } from '../../src/bot/avance-home.ts';
import { useAvanceService } from './avance-service.ts';

const service = useAvanceService();

const avance = (text: string, userId: string, channelId: string) =>
  handleAvance({ text, userId, teamId: 'T1', channelId, source: 'command' }, service.deps);

const home = async (userId: string): Promise<string> =>
  JSON.stringify(await createAvanceHomeSection(service.deps)(userId, 'T1'));

describe('Home tab progress', () => {
  it('lists only the channels where the user owns a step or made a change', async () => {
    await avance('iniciar 1.1', 'UANA', 'C1');
    await avance('iniciar 1.2', 'UCARLA', 'GPRIVATE'); // a private channel
    await avance('', 'UDANI', 'D0DM'); // a DM
    await avance('asignar 1.2 <@UBETO|beto>', 'UANA', 'C1');
    await avance('completar 1.1', 'UANA', 'C1');

    const ana = await home('UANA');
    expect(ana).toContain('Avance por canal');
    expect(ana).toContain('<#C1> `█░░░░░░░░░` 16 % · 1 de 6 pasos');
    expect(ana).not.toContain('GPRIVATE');
    expect(ana).not.toContain('D0DM');

    // Beto never typed anything, but owns 1.2 in C1.
    const beto = await home('UBETO');
    expect(beto).toContain('<#C1>');
    expect(beto).not.toContain('GPRIVATE');

    const outsider = await home('UEVA');
    expect(outsider).not.toContain('Avance por canal');
    expect(outsider).not.toContain('<#');
  });
});
