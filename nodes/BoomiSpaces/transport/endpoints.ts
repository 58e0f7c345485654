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
