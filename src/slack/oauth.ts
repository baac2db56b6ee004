import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, AppOptions, CodedError } from '@slack/bolt';
import type { Logger } from 'pino';
import type { OAuthConfig } from '../config/config.ts';
import type { InstallationQuery, InstallationStore } from '../ports/installations.ts';
import { installationKey } from '../ports/installations.ts';

/** The bot scopes requested at install: the same list as manifest.yml's oauth_config (a test checks). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'chat:write',
  'commands',
  'im:history',
  'im:read',
  'im:write',
  'files:write',
  // Names in the daily post, and whether the bot is in a channel before promising a daily post.
  'users:read',
  'channels:read',
  'groups:read',
] as const;

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Slack's authorize page sits beside its Web API (`https://slack.com/api/` → `https://slack.com/oauth/v2/authorize`),
 * so SLACK_API_URL moves both (a proxy, the fake Slack of the tests).
 */
export function authorizeUrl(apiUrl: string | undefined): string {
  return new URL('../oauth/v2/authorize', apiUrl ?? 'https://slack.com/api/').toString();
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}
a.boton{display:inline-block;background:#4a154b;color:#fff;padding:.7rem 1.2rem;border-radius:6px;text-decoration:none}</style>
</head>
<body><h1>${escapeHtml(title)}</h1>${body}</body>
</html>`;
}

/** The "Add to Slack" page of GET /slack/install; Bolt has already set the signed state cookie. */
export function installPage(addToSlackUrl: string): string {
  return page(
    'Guía de Datos Abiertos para Slack',
    `<p>Instala el bot en el espacio de trabajo de tu institución: responde dudas sobre la Guía de
Implementación de la Política de Datos Abiertos y lleva el avance del equipo con <code>/avance</code>.</p>
<p><a class="boton" href="${escapeHtml(addToSlackUrl)}">Agregar a Slack</a></p>
<p><small>El enlace vale 10 minutos y solo en este navegador.</small></p>`,
  );
}

/** Why an install failed, in words for the person who clicked (the code stays in the logs). */
export function failureText(code: string | undefined): { status: number; text: string } {
  switch (code) {
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
      return {
        status: 400,
        text:
          'El enlace de instalación no es válido o ya venció (dura 10 minutos y solo sirve en el navegador ' +
          'donde lo abriste). Vuelve a empezar desde la página de instalación.',
      };
    case 'slack_oauth_missing_code':
      return {
        status: 400,
        text: 'Slack no envió el código de autorización. Vuelve a empezar la instalación.',
      };
    case 'slack_oauth_installer_authorization_error':
      return {
        status: 400,
        text: 'La instalación se canceló en Slack. Puedes intentarlo de nuevo cuando quieras.',
      };
    default:
      return {
        status: 500,
        text: 'No pude completar la instalación con Slack. Inténtalo de nuevo en unos minutos.',
      };
  }
}

const send = (res: ServerResponse, status: number, html: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
};

/**
 * Bolt's OAuth options for distribution mode: the install page, the callback (oauth.v2.access through
 * SLACK_API_URL, Bolt's default), the signed-JWT state store (nothing on the server: any replica verifies
 * it) and Spanish pages. `installations` should be the store wrapped by withTokenRotation (the wiring does).
 */
export function oauthAppOptions(opts: {
  oauth: OAuthConfig;
  apiUrl?: string | undefined;
  installations: InstallationStore;
  logger: Logger;
}): Pick<
  AppOptions,
  | 'clientId'
  | 'clientSecret'
  | 'stateSecret'
  | 'scopes'
  | 'installationStore'
  | 'installerOptions'
  | 'redirectUri'
> {
  const { oauth, logger } = opts;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: opts.installations,
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: false,
      authorizationUrl: authorizeUrl(opts.apiUrl),
      renderHtmlForInstallPath: installPage,
      callbackOptions: {
        success: (installation, _options, _req: IncomingMessage, res: ServerResponse) => {
          const name = installation.team?.name ?? installation.enterprise?.name ?? 'tu espacio de trabajo';
          logger.info(
            {
              team: installation.team?.id,
              enterprise: installation.enterprise?.id,
              org: installation.isEnterpriseInstall === true,
            },
            'app installed',
          );
          send(
            res,
            200,
            page(
              '¡Listo! El bot quedó instalado',
              `<p>Se instaló en <strong>${escapeHtml(name)}</strong>. Invita a <code>@guia</code> al canal del equipo
y escribe <code>/guia ayuda</code> o <code>/avance ayuda</code> para empezar.</p>`,
            ),
          );
        },
        failure: (error: CodedError, _options, _req: IncomingMessage, res: ServerResponse) => {
          const { status, text } = failureText(error.code);
          logger.warn({ code: error.code, reason: error.message }, 'app installation failed');
          send(res, status, page('No se pudo instalar el bot', `<p>${escapeHtml(text)}</p>`));
        },
      },
    },
  };
}

/**
 * `app_uninstalled` and `tokens_revoked` (Bolt skips authorization for both): the workspace's tokens are
 * deleted, so the schedulers' "is this team installed" check (Workspaces.tokenFor) stops its posts. Its
 * progress history stays and is there again if the workspace reinstalls.
 */
export function registerUninstall(app: App, installations: InstallationStore, logger: Logger): void {
  const remove = async (query: InstallationQuery<boolean>, why: string) => {
    await installations.deleteInstallation(query);
    logger.info({ installation: installationKey(query), why }, 'installation deleted');
  };
  app.event('app_uninstalled', async ({ context }) => {
    await remove(queryOf(context), 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot token matters to us: user tokens are never used.
    if ((event.tokens.bot ?? []).length > 0) await remove(queryOf(context), 'tokens_revoked');
  });
}

function queryOf(context: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): InstallationQuery<boolean> {
  return {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall === true,
  } as InstallationQuery<boolean>;
}
