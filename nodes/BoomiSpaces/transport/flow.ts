import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Clock, PaceMember } from './pacer';
import { Pacer, systemClock } from './pacer';

/**
 * Executions in this n8n process that call the same Boomi account share one
 * pace (Boomi's limit is per account). Entries live while an execution uses
 * them: the last one to leave removes its entry, so the map holds at most one
 * entry per account in use right now.
 */
const accounts = new Map<string, Pacer>();

/**
 * Which account a credential calls, from non-secret fields only:
 * `<GraphQL URL>|account:<Account ID>` with an API token; with a pasted JWT
 * the account id claim of its payload (the payload is not secret, the
 * signature is and is never read), else `<GraphQL URL>|space:<Space GUID>`.
 * Two credentials of one account (other users, tokens, or a JWT) share a key.
 */
export function accountKey(graphqlUrl: string, credentials: ICredentialDataDecryptedObject): string {
	const fromJwt = credentials.authentication === 'jwt' ? jwtAccountId(credentials.jwt) : undefined;
	const accountId = fromJwt ?? (credentials.authentication === 'jwt' ? '' : String(credentials.accountId ?? '').trim());
	if (accountId) return `${graphqlUrl}|account:${accountId}`;
	return `${graphqlUrl}|space:${String(credentials.spaceGuid ?? '').trim()}`;
}

/** The account id claim of a JWT's payload, if it has one. */
function jwtAccountId(jwt: unknown): string | undefined {
	if (typeof jwt !== 'string') return undefined;
	const payload = jwt.trim().split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
		for (const name of ['accountId', 'account_id', 'accountID']) {
			const value = claims[name];
			if (typeof value === 'string' && value.trim()) return value.trim();
		}
	} catch {
		// Not a JWT we can read: fall back to the Space GUID.
	}
	return undefined;
}

/** Joins the pace of `key`'s account with this execution's own ceiling (calls per second). */
export function joinAccountPace(key: string, ceiling: number, clock: Clock = systemClock, random = Math.random): PaceMember {
	let pacer = accounts.get(key);
	if (!pacer) {
		const created: Pacer = new Pacer(clock, random, () => {
			if (accounts.get(key) === created) accounts.delete(key);
		});
		accounts.set(key, created);
		pacer = created;
	}
	return pacer.join(ceiling);
}

/** Accounts with an execution in progress (for tests). */
export function accountsInUse(): number {
	return accounts.size;
}
