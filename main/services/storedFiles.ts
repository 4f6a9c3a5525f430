/**
 * What a stored blob is, as detected when it was uploaded (library versions'
 * `mime`, calls' `audio_type`). The hosts serve a blob only with this type,
 * never with one a URL asks for.
 */
import type { DB } from '../db/open';

/** The detected type of a stored blob; null when no row knows it, or when rows disagree. */
export function detectedType(db: DB, sha256: string): string | null {
  const rows = db
    .prepare(
      `SELECT mime AS t FROM library_versions WHERE sha256 = ? AND mime <> ''
       UNION SELECT audio_type AS t FROM calls WHERE audio_sha = ? AND audio_type <> ''`,
    )
    .all(sha256, sha256) as { t: string }[];
  return rows.length === 1 ? rows[0].t : null;
}
