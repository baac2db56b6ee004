import type { KnownBlock } from '@slack/types';
import { section } from '../render/limits.ts';
import type { Reply } from './types.ts';

/** A private reply (only the person who typed the command sees it). */
export const say = (text: string, blocks: KnownBlock[] = [section(text)]): Reply => ({
  text,
  blocks,
  visibility: 'ephemeral',
});

/** A private refusal or error, marked with ⚠️. */
export const problem = (text: string): Reply => say(text, [section(`:warning: ${text}`)]);
