// The credential's "Test" button, run the way n8n's editor does (see
// test/harness/credential-tester.js) against the simulator: it must pass with
// good settings and fail — with a message that says why and no secret — on a
// bad API token, an expired pasted JWT and a wrong Space GUID (which Boomi
// reports as a GraphQL error inside an HTTP 200).
const { testCredential } = require('../harness/credential-tester');
const { simulatorCredential } = require('./boomi-workflow');
const { useSimulatorEngine } = require('./simulator-engine');

const env = useSimulatorEngine();
let engine;
let sim;
beforeEach(() => ({ engine, sim } = env));

const test = (overrides) => testCredential(engine, { type: 'boomiSpacesApi', data: simulatorCredential(sim, overrides) });
const { graphqlRequests } = env;

it('passes with a valid API token and Space GUID, sending the read-only test query', async () => {
	expect(await test()).toEqual({ status: 'OK', message: 'Connection successful!' });
	const [request] = graphqlRequests();
	expect(request.json.operationName).toBe('BoomiSpacesCredentialTest');
	expect(request.headers.space_guid).toBe(sim.demo.spaceGuid);
	expect(request.headers.authorization).toMatch(/^Bearer ey/);
	expect(sim.mutations).toHaveLength(0);
});

it('passes with a valid pasted JWT', async () => {
	expect(await test({ authentication: 'jwt', jwt: sim.mintJwt(), apiToken: '' })).toEqual({
		status: 'OK',
		message: 'Connection successful!',
	});
});

it('fails on a bad API token, saying so without showing it', async () => {
	const result = await test({ apiToken: 'definitely-wrong-token' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/refused the API token/);
	expect(result.message).not.toContain('definitely-wrong-token');
	expect(graphqlRequests()).toHaveLength(0);
});

it('fails on an expired pasted JWT', async () => {
	const jwt = sim.mintJwt();
	sim.expireJwts();
	const result = await test({ authentication: 'jwt', jwt, apiToken: '' });
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain(jwt);
});

it('fails on a wrong Space GUID although Boomi answers HTTP 200', async () => {
	const result = await test({ spaceGuid: '00000000-0000-0000-0000-000000000000' });
	expect(graphqlRequests()[0].status).toBe(200);
	expect(result).toEqual({
		status: 'Error',
		message: expect.stringMatching(/Space GUID/),
	});
});
