/**
 * Every slash command name, action id and block id the bot uses, in one place: renderers put them in
 * Block Kit, listeners match them, and the manifest must agree with COMMANDS.
 */
export const COMMANDS = {
  guia: '/guia',
  /** Registered by the team-progress feature (issue 5); listed here so the manifest and help agree. */
  avance: '/avance',
} as const;

/** Every team-progress button id starts with this, so one listener can take them all. */
export const AVANCE_ACTION_PREFIX = 'avance_';

export const ACTIONS = {
  /** "Compartir en el canal" on an ephemeral reply. */
  share: 'guia_share',
  feedbackUp: 'guia_feedback_up',
  feedbackDown: 'guia_feedback_down',
  /** Team progress (issue 5): step card and Home buttons. Activity buttons append `_<index>` (ids must be unique). */
  avanceStart: `${AVANCE_ACTION_PREFIX}start_step`,
  avanceComplete: `${AVANCE_ACTION_PREFIX}complete_step`,
  avanceToggleActivity: `${AVANCE_ACTION_PREFIX}toggle_activity`,
  /** «Ver más» on the coordination overview (issue 12); its value carries the page. */
  coordinationMore: 'coordination_more',
} as const;

export const BLOCK_IDS = {
  replyActions: 'guia_reply_actions',
  sharedBy: 'guia_shared_by',
} as const;
