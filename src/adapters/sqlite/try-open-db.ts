import { type Db, openDb } from './db.ts';

// The usual reasons a database path is unusable, in words a person setting GUIA_DB can act on.
const REASONS: Record<string, string> = {
  EEXIST: 'una parte de la ruta ya existe y no es una carpeta',
  ENOTDIR: 'una parte de la ruta no es una carpeta',
  EACCES: 'no hay permiso para escribir ahí',
  EPERM: 'no hay permiso para escribir ahí',
  EROFS: 'el sistema de archivos es de solo lectura',
  EISDIR: 'la ruta es una carpeta, no un archivo',
  ENOSPC: 'no queda espacio en el disco',
  SQLITE_CANTOPEN: 'SQLite no puede abrir el archivo',
  SQLITE_NOTADB: 'el archivo no es una base de datos SQLite',
  SQLITE_READONLY: 'el archivo es de solo lectura',
  SQLITE_CORRUPT: 'el archivo de la base de datos está dañado',
};

/**
 * openDb, but a path that cannot be used becomes one Spanish sentence naming where it came from
 * (`GUIA_DB`, `--db`…) instead of a stack trace.
 */
export function tryOpenDb(
  file: string,
  source: string,
): { ok: true; db: Db } | { ok: false; message: string } {
  try {
    return { ok: true, db: openDb(file) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const known = typeof code === 'string' ? REASONS[code] : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    const reason = known ? `${known} (${code})` : detail;
    return { ok: false, message: `${source}: no pude crear o abrir «${file}»: ${reason}` };
  }
}
