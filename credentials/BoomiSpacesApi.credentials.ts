import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	BOOMI_REGIONS,
	JWT_MINT_FAILURE,
	JWT_MINT_THROTTLED,
	JWT_TIMEOUT_MS,
	originOf,
	resolveEndpoints,
} from '../nodes/BoomiSpaces/transport/endpoints';
import { parseRetryAfter } from '../nodes/BoomiSpaces/transport/pacer';

/** The hidden, expirable field n8n fills through `preAuthentication`. */
const MINTED_JWT = 'sessionJwt';

/**
 * An error from JWT minting that is safe to show: it names the account and the
 * endpoint, never the API token, the Basic header or the JWT. The status stays
 * in the text: n8n would replace a message that comes with an HTTP code by a
 * generic one ("Authorization failed").
 */
function mintError(problem: string): Error {
	return new Error(`${JWT_MINT_FAILURE}: ${problem}`);
}

/** Boomi answers the JWT as text; tolerate a JSON body (string or object) holding it. */
export function extractJwt(body: unknown): string | undefined {
	let value: unknown = body;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('{') || text.startsWith('"')) {
			try {
				value = JSON.parse(text);
			} catch {
				return undefined;
			}
		} else {
			value = text;
		}
	}
	if (value && typeof value === 'object') {
		const object = value as IDataObject;
		value = object.token ?? object.jwt ?? object.access_token ?? object.accessToken;
	}
	if (typeof value !== 'string') return undefined;
	const jwt = value.trim();
	// Three base64url segments: anything else (an HTML login page, an error
	// text) must not be sent as a bearer token.
	return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt) ? jwt : undefined;
}

const regionUrlExpression = (key: 'graphqlUrl') =>
	`={{ $credentials.region === "custom" ? $credentials.${key} : ($credentials.region === "gb" ? "${BOOMI_REGIONS.gb[key]}" : "${BOOMI_REGIONS.us[key]}") }}`;

export class BoomiSpacesApi implements ICredentialType {
	name = 'boomiSpacesApi';

	displayName = 'Boomi Spaces API';

	icon: Icon = {
		light: 'file:../nodes/BoomiSpaces/boomiSpaces.svg',
		dark: 'file:../nodes/BoomiSpaces/boomiSpaces.dark.svg',
	};

	documentationUrl = 'https://developer.boomi.com/docs/api/graphql/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'API Token (Recommended)',
					value: 'apiToken',
					description:
						'n8n exchanges your Boomi Platform API token for a JWT and renews it when it expires (Boomi JWTs live five minutes), so scheduled workflows keep running',
				},
				{
					name: 'JWT',
					value: 'jwt',
					description:
						'Send a JWT you obtained yourself. Boomi JWTs expire after five minutes, so this suits one-off tests only.',
				},
			],
			default: 'apiToken',
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: 'mycompany-A1B2C3',
			required: true,
			description:
				'Your Boomi account ID, shown in the Boomi Enterprise Platform under Settings > Account Information',
			displayOptions: { show: { authentication: ['apiToken'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			placeholder: 'name@example.com',
			required: true,
			description:
				'The Boomi user the API token belongs to. n8n signs in as BOOMI_TOKEN.&lt;username&gt;.',
			displayOptions: { show: { authentication: ['apiToken'] } },
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Boomi Platform API token, created under Settings > Account Information and Setup > Platform API Tokens',
			displayOptions: { show: { authentication: ['apiToken'] } },
		},
		{
			displayName: 'JWT',
			name: 'jwt',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A Boomi JWT, sent as is in the Authorization header',
			displayOptions: { show: { authentication: ['jwt'] } },
		},
		{
			displayName: 'Space GUID',
			name: 'spaceGuid',
			type: 'string',
			default: '',
			required: true,
			placeholder: '8f2c6a1e-3b4d-4e5f-9a8b-7c6d5e4f3a2b',
			description:
				'The GUID of the Boomi Space the workflow acts on (the ID in the Space URL), sent as the SPACE_GUID header',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{
					name: 'US (platform.boomi.com)',
					value: 'us',
				},
				{
					name: 'GB (api.platform.gb.boomi.com)',
					value: 'gb',
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Other endpoints, for example a Boomi Spaces simulator for testing',
				},
			],
			default: 'us',
		},
		{
			displayName: 'GraphQL URL',
			name: 'graphqlUrl',
			type: 'string',
			default: '',
			placeholder: 'https://platform.boomi.com/graphql',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Auth URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.boomi.com',
			description: 'Base URL of the JWT endpoint; n8n calls {Auth URL}/auth/jwt/generate/{Account ID}',
			displayOptions: { show: { region: ['custom'], authentication: ['apiToken'] } },
		},
		{
			displayName: 'Session JWT',
			name: 'sessionJwt',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * n8n calls this when `sessionJwt` is empty and again after an HTTP 401,
	 * and stores what it returns: the JWT is minted once and reused by every
	 * request until Boomi rejects it.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'jwt') return {};

		const endpoints = resolveEndpoints(credentials);
		if ('problem' in endpoints) throw mintError(endpoints.problem);
		if (!endpoints.authUrl) {
			throw mintError(
				'The Boomi Spaces credential uses a custom region but its Auth URL is empty or not an http(s) URL',
			);
		}
		const accountId = String(credentials.accountId ?? '').trim();
		const username = String(credentials.username ?? '').trim();
		if (!accountId || !username || !credentials.apiToken) {
			throw mintError('The Boomi Spaces credential needs an Account ID, a Username and an API Token');
		}

		const first = `${endpoints.authUrl}/auth/jwt/generate/${encodeURIComponent(accountId)}`;
		const origin = originOf(first);
		let url = first;
		let response: { statusCode: number; headers?: IDataObject; body: unknown };
		for (let hops = 0; ; hops++) {
			try {
				response = (await this.helpers.httpRequest({
					method: 'GET',
					url,
					auth: { username: `BOOMI_TOKEN.${username}`, password: String(credentials.apiToken) },
					headers: { Accept: 'text/plain, application/json' },
					encoding: 'text',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					// n8n would resend the Basic value to wherever a redirect points.
					disableFollowRedirect: true,
					timeout: JWT_TIMEOUT_MS,
					abortSignal: AbortSignal.timeout(JWT_TIMEOUT_MS),
				})) as { statusCode: number; headers?: IDataObject; body: unknown };
			} catch (error) {
				// The request error carries the Basic auth header: report only its code.
				const code = (error as { code?: unknown }).code;
				const timedOut = /timeout|abort/i.test(String((error as { message?: unknown }).message ?? ''));
				throw mintError(
					timedOut
						? `Boomi's JWT endpoint did not answer within ${JWT_TIMEOUT_MS / 1000} s`
						: `Boomi's JWT endpoint could not be reached${typeof code === 'string' ? ` (${code})` : ''}. Check the Region or Auth URL.`,
				);
			}
			const status = response.statusCode;
			if (status < 300 || status >= 400) break;
			// Redirects: only a same-origin 307/308 is followed (the Basic value stays with that origin).
			const location = response.headers?.location;
			const target = typeof location === 'string' ? originOf(location, url) : undefined;
			if (target !== origin || (status !== 307 && status !== 308) || hops >= 3) {
				throw mintError(
					`Boomi's JWT endpoint answered HTTP ${status}, a redirect to ${target ?? 'an unreadable address'} that was not followed (the API token was not sent there). Check the Region or Auth URL.`,
				);
			}
			url = new URL(location as string, url).href;
		}

		const status = response.statusCode;
		if (status === 401 || status === 403) {
			throw mintError(
				`Boomi refused the API token (HTTP ${status}). Check the Account ID, the Username and the API Token in the Boomi Spaces credential.`,
			);
		}
		if (status === 429 || status === 503) {
			// Nothing changes at Boomi when minting: the node resends within Max Retries.
			const wait = parseRetryAfter(response.headers?.['retry-after']);
			throw mintError(
				`${JWT_MINT_THROTTLED.slice(JWT_MINT_FAILURE.length + 2)} (HTTP ${status}${wait === undefined ? '' : `, retry after ${Math.ceil(wait / 1000)} s`})`,
			);
		}
		if (status < 200 || status >= 300) {
			throw mintError(`Boomi's JWT endpoint answered HTTP ${status}`);
		}
		const jwt = extractJwt(response.body);
		if (!jwt) {
			throw mintError(`Boomi's JWT endpoint answered HTTP ${status} without a JWT`);
		}
		return { [MINTED_JWT]: jwt };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: `=Bearer {{ $credentials.authentication === "jwt" ? $credentials.jwt : $credentials.${MINTED_JWT} }}`,
				SPACE_GUID: '={{ $credentials.spaceGuid }}',
				Accept: 'application/json',
			},
		},
	};

	/**
	 * A read-only query that needs both a valid JWT and a known Space: Boomi
	 * reports a wrong Space GUID as a GraphQL error in an HTTP 200, so the
	 * rules fail the test when the field comes back null.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: regionUrlExpression('graphqlUrl'),
			body: {
				operationName: 'BoomiSpacesCredentialTest',
				query: 'query BoomiSpacesCredentialTest { integrationPackInstances { id } }',
			},
			// Never let n8n carry the token and Space GUID to wherever a redirect points.
			disableFollowRedirect: true,
			timeout: 30000,
		},
		// n8n's tester checks `responseCode` rules on failed requests and
		// `responseSuccessBody` rules on answers; its type allows one kind per array.
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The GraphQL URL answered HTTP ${value}, a redirect. n8n did not follow it, so the token was not sent elsewhere: check the Region or GraphQL URL.`,
				},
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data',
					value: null,
					message: 'Boomi rejected the request: check the JWT or API token and the Space GUID',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'data.integrationPackInstances',
					value: null,
					message:
						'Boomi answered with an error for this Space: check the Space GUID (and that the token has access to the Space)',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
