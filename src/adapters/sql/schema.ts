/**
 * The tables as Kysely sees them, the same on SQLite and PostgreSQL. Times are ISO-8601 text (compared as
 * text: every writer uses toISOString) except the epoch-millisecond columns used for expiry.
 */
import type { Generated } from 'kysely';

export interface FeedbackTable {
  id: Generated<number>;
  created_at: string;
  team_id: string;
  user_id: string;
  channel_id: string;
  vote: number;
  question: string;
  step_id: string | null;
  guide: string | null;
  intent: string | null;
  /** The answer voted on (channel and message ts); one vote per person per answer. Null before 004. */
  answer_key: string | null;
}

export interface UnansweredTable {
  id: Generated<number>;
  created_at: string;
  team_id: string;
  user_id: string;
  channel_id: string;
  source: string;
  question: string;
  outcome: string;
  confidence: number;
}

export interface ProcessedEventsTable {
  event_id: string;
  claimed_at: number;
}

export interface TrackersTable {
  id: Generated<number>;
  team_id: string;
  channel_id: string;
  guide_id: string;
  start_date: string;
  daily_enabled: Generated<number>;
  daily_time: Generated<string>;
  daily_days: Generated<string>;
  quiet_mode: Generated<'linea' | 'nada'>;
  removed_at: string | null;
  last_post_event_id: Generated<number>;
  created_at: string;
}

export interface StepsTable {
  tracker_id: number;
  guide_id: string;
  step_id: string;
  status: 'pendiente' | 'en_curso' | 'bloqueado' | 'completado';
  owner_user_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  blocked_reason: string | null;
  checked_activities: Generated<string>;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  tracker_id: number;
  at: string;
  user_id: string;
  source: string;
  kind: string;
  guide_id: string | null;
  step_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface DailyClaimsTable {
  tracker_id: number;
  local_date: string;
  status: 'claimed' | 'posted' | 'failed' | 'skipped';
  claimed_by: string;
  claimed_at: string;
  attempts: Generated<number>;
  finished_at: string | null;
  message_ts: string | null;
  error: string | null;
}

export interface ContextTable {
  team_id: string;
  thread_key: string;
  value_json: string;
  expires_at: number;
}

export interface InstallationsTable {
  /** `E:<enterprise id>` for an org-wide install, `T:<team id>` otherwise. */
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  /** Bolt's Installation object as JSON (tokens included: protect the database like a secret). */
  installation_json: string;
  updated_at: string;
}

export interface CoordinationInstitutionsTable {
  tracker_id: number;
  team_id: string;
  name: string;
  set_by: string;
  set_at: string;
}

export interface CoordinationChannelsTable {
  team_id: string;
  channel_id: string;
  set_by: string;
  set_at: string;
}

export interface CoordinationWeeklyTable {
  team_id: string;
  channel_id: string;
  enabled: number;
  day: number;
  time: string;
  updated_at: string;
}

export interface CoordinationWeeklyClaimsTable {
  team_id: string;
  channel_id: string;
  week: string;
  status: 'claimed' | 'posted' | 'failed' | 'skipped';
  claimed_by: string;
  claimed_at: string;
  attempts: Generated<number>;
  finished_at: string | null;
  message_ts: string | null;
  error: string | null;
}

export interface CoordinationEventsTable {
  id: Generated<number>;
  team_id: string;
  channel_id: string;
  at: string;
  user_id: string;
  source: string;
  kind: string;
  before_json: string | null;
  after_json: string | null;
}

export interface Database {
  feedback: FeedbackTable;
  unanswered_questions: UnansweredTable;
  processed_events: ProcessedEventsTable;
  progress_trackers: TrackersTable;
  progress_steps: StepsTable;
  progress_events: EventsTable;
  progress_daily_claims: DailyClaimsTable;
  conversation_context: ContextTable;
  slack_installations: InstallationsTable;
  coordination_institutions: CoordinationInstitutionsTable;
  coordination_channels: CoordinationChannelsTable;
  coordination_weekly: CoordinationWeeklyTable;
  coordination_weekly_claims: CoordinationWeeklyClaimsTable;
  coordination_events: CoordinationEventsTable;
}
