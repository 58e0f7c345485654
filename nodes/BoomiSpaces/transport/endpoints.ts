/**
 * Where a Boomi account's GraphQL gateway and JWT endpoint live, per region.
 * Shared by the credential (JWT minting, credential test) and the transport
 * (GraphQL calls), so a region is defined once.
 */
export const BOOMI_REGIONS = {
	us: { graphqlUrl: 'https://platform.boomi.com/graphql', authUrl: 'https://api.boomi.com' },
	gb: {
		graphqlUrl: 'https://api.platform.gb.boomi.com/graphql',
		authUrl: 'https://api.platform.gb.boomi.com',
	},
} as const;

export type BoomiRegion = keyof typeof BOOMI_REGIONS | 'custom';

export interface BoomiEndpoints {
	graphqlUrl: string;
	authUrl: string;
}

export interface EndpointSettings {
	region?: unknown;
	graphqlUrl?: unknown;
	authUrl?: unknown;
}

const withoutTrailingSlash = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * Resolves the endpoints from the credential's `region` (and, for `custom`,
 * its `graphqlUrl` / `authUrl`). Returns a reason instead of endpoints when a
 * custom URL is missing, so each caller can raise the error type it owns.
 */
export function resolveEndpoints(settings: EndpointSettings): BoomiEndpoints | { problem: string } {
	const region = typeof settings.region === 'string' && settings.region ? settings.region : 'us';
	if (region === 'us' || region === 'gb') return { ...BOOMI_REGIONS[region] };
	if (region !== 'custom') {
		return { problem: `Unknown region "${region}": choose US, GB or Custom in the Boomi Spaces credential` };
	}
	const graphqlUrl = typeof settings.graphqlUrl === 'string' ? withoutTrailingSlash(settings.graphqlUrl) : '';
	const authUrl = typeof settings.authUrl === 'string' ? withoutTrailingSlash(settings.authUrl) : '';
	if (!/^https?:\/\//i.test(graphqlUrl)) {
		return { problem: 'The Boomi Spaces credential uses a custom region but its GraphQL URL is empty or not an http(s) URL' };
	}
	// The Auth URL is only needed to mint JWTs from an API token; the minting
	// step reports it when it is missing.
	return { graphqlUrl, authUrl: /^https?:\/\//i.test(authUrl) ? authUrl : '' };
}

/**
 * Every JWT-minting failure message starts with this. n8n wraps errors thrown
 * by a credential's preAuthentication and drops their cause, so the message is
 * what lets the transport recognise them.
 */
export const JWT_MINT_FAILURE = 'Could not get a Boomi JWT';

/**
 * A throttled sign-in (HTTP 429/503 from the JWT endpoint) starts with this:
 * minting changes nothing at Boomi, so the router resends within Max Retries.
 */
export const JWT_MINT_THROTTLED = `${JWT_MINT_FAILURE}: the JWT endpoint is throttling sign-ins`;

/** The wait a throttled sign-in's message names ("retry after N s"), in milliseconds. */
export function parseMintRetryAfter(message: string): number | undefined {
	const match = /retry after (\d+(?:\.\d+)?) s\b/.exec(message);
	return match ? Math.min(120000, Math.round(Number(match[1]) * 1000)) : undefined;
}

/** scheme://host:port of a URL, or undefined when it is not an absolute http(s) URL. */
export function originOf(url: string, base?: string): string | undefined {
	try {
		const parsed = new URL(url, base);
		return /^https?:$/.test(parsed.protocol) ? parsed.origin : undefined;
	} catch {
		return undefined;
	}
}

/** How long a JWT sign-in may take before it counts as failed. */
export const JWT_TIMEOUT_MS = 15000;
