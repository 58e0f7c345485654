// `npm run demo:n8n` prints the simulator credential's values with the
// credential form's labels, so a user can type a second credential (or a wrong
// one on purpose) into the running n8n. The demo itself needs a real n8n
// install; its printout is checked here against the built credential.
const { credentialFormLines } = require('./e2e/demo-n8n');
const { simulatorCredential } = require('./engine/boomi-workflow');
const { startSimulator } = require('./simulator');

let sim;
beforeAll(async () => {
	sim = await startSimulator({ port: 0 });
});
afterAll(() => sim?.close());

it('prints every value of the simulator credential under its form label, in the form order', () => {
	const lines = credentialFormLines(simulatorCredential(sim)).map((line) => line.split(/ {2,}/));
	expect(lines).toEqual([
		['Authentication', 'API Token (Recommended)'],
		['Account ID', sim.demo.accountId],
		['Username', sim.demo.username],
		['API Token', sim.demo.apiToken],
		['Space GUID', sim.demo.spaceGuid],
		['Region', 'Custom'],
		['GraphQL URL', sim.graphqlUrl],
		['Auth URL', sim.authUrl],
	]);
	for (const [, value] of lines) expect(value).toEqual(expect.stringMatching(/\S/));
});
