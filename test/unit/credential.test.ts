import { BoomiSpacesApi, extractJwt } from '../../credentials/BoomiSpacesApi.credentials';
import { resolveEndpoints } from '../../nodes/BoomiSpaces/transport/endpoints';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

describe('extractJwt', () => {
	it.each([
		['text body', JWT],
		['text body with newline', `${JWT}\n`],
		['JSON string', JSON.stringify(JWT)],
		['JSON object with token', JSON.stringify({ token: JWT })],
		['JSON object with jwt', JSON.stringify({ jwt: JWT })],
		['parsed object', { access_token: JWT }],
	])('accepts a %s', (_label, body) => {
		expect(extractJwt(body)).toBe(JWT);
	});

	it.each([
		['an HTML page', '<html>Sign in</html>'],
		['an empty body', ''],
		['broken JSON', '{"token":'],
		['an object without a token', { message: 'ok' }],
		['undefined', undefined],
	])('rejects %s', (_label, body) => {
		expect(extractJwt(body)).toBeUndefined();
	});
});

describe('resolveEndpoints', () => {
	it('defaults to the US endpoints', () => {
		expect(resolveEndpoints({})).toEqual({
			graphqlUrl: 'https://platform.boomi.com/graphql',
			authUrl: 'https://api.boomi.com',
		});
	});

	it('knows the GB endpoints', () => {
		expect(resolveEndpoints({ region: 'gb' })).toEqual({
			graphqlUrl: 'https://api.platform.gb.boomi.com/graphql',
			authUrl: 'https://api.platform.gb.boomi.com',
		});
	});

	it('uses custom URLs without trailing slashes', () => {
		expect(
			resolveEndpoints({ region: 'custom', graphqlUrl: 'http://127.0.0.1:4010/graphql/', authUrl: 'http://127.0.0.1:4010/' }),
		).toEqual({ graphqlUrl: 'http://127.0.0.1:4010/graphql', authUrl: 'http://127.0.0.1:4010' });
	});

	it('reports a missing custom GraphQL URL', () => {
		expect(resolveEndpoints({ region: 'custom', graphqlUrl: '' })).toEqual({
			problem: expect.stringMatching(/GraphQL URL/),
		});
	});
});

describe('credential contract', () => {
	const credential = new BoomiSpacesApi();
	const names = credential.properties.map((property) => property.name);

	it('keeps the stored property names', () => {
		expect(names).toEqual(
			expect.arrayContaining(['authentication', 'accountId', 'username', 'apiToken', 'jwt', 'spaceGuid', 'region', 'graphqlUrl', 'authUrl']),
		);
		expect(credential.name).toBe('boomiSpacesApi');
		expect(credential.displayName).toBe('Boomi Spaces API');
	});

	it('stores the minted JWT in exactly one hidden expirable field', () => {
		const expirable = credential.properties.filter(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		expect(expirable.map((property) => property.name)).toEqual(['sessionJwt']);
	});

	it('masks every secret', () => {
		for (const name of ['apiToken', 'jwt', 'sessionJwt']) {
			expect(credential.properties.find((property) => property.name === name)?.typeOptions?.password).toBe(true);
		}
	});

	it('sends the documented headers', () => {
		expect(credential.authenticate.properties.headers).toEqual({
			Authorization: expect.stringMatching(/^=Bearer \{\{.*\}\}$/),
			SPACE_GUID: '={{ $credentials.spaceGuid }}',
			Accept: 'application/json',
		});
	});

	it('offers API token (default) and JWT authentication', () => {
		const authentication = credential.properties.find((property) => property.name === 'authentication');
		expect(authentication?.default).toBe('apiToken');
		expect(authentication?.options?.map((option) => (option as { value: string }).value)).toEqual(['apiToken', 'jwt']);
	});
});
