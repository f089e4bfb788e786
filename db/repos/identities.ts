import type { Db } from '../open.js';

export interface IdentityRow {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly organisation: string;
  readonly mechanism: string | null;
  readonly email: string;
  readonly public_key: string;
  readonly fingerprint: string;
  /** The encrypted private key record (JSON), see main/services/crypto/private-key-store.ts. */
  readonly encrypted_key_json: string;
  readonly os_protection: 'none' | 'safe_storage';
  readonly created_at: string;
}

/** Statements over `identities`. Rows are only added (a key that signed something stays); only a key's OS sealing may be renewed. */
export function identitiesRepo(db: Db) {
  const insert = db.prepare<IdentityRow>(
    `INSERT INTO identities (id, name, title, organisation, mechanism, email, public_key, fingerprint, encrypted_key_json, os_protection, created_at)
     VALUES (@id, @name, @title, @organisation, @mechanism, @email, @public_key, @fingerprint, @encrypted_key_json, @os_protection, @created_at)`,
  );
  const list = db.prepare<[], IdentityRow>('SELECT * FROM identities ORDER BY created_at, id');
  const byId = db.prepare<[string], IdentityRow>('SELECT * FROM identities WHERE id = ?');
  const reseal = db.prepare<[string, string, string]>('UPDATE identities SET encrypted_key_json = ? WHERE id = ? AND encrypted_key_json = ?');
  return {
    insert: (row: IdentityRow) => insert.run(row),
    /**
     * The one change a row may see: the same private key, sealed again by the OS store (its key
     * was rotated). Only if the record is still the one that was read, so nothing is overwritten.
     */
    updateSealedKey: (id: string, previous: string, next: string): boolean => reseal.run(next, id, previous).changes === 1,
    list: () => list.all(),
    get: (id: string) => byId.get(id),
  };
}
export type IdentitiesRepo = ReturnType<typeof identitiesRepo>;
