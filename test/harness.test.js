// Proves the in-process engine harness (test/harness/engine.js) against the fixture
// package in test/harness/fixtures/echo-package and a local HTTP server.
const { spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { WorkflowHasIssuesError } = require('n8n-core');
const { createEngine, loadWorkflowFile } = require('./harness/engine');

const FIXTURE = path.join(__dirname, 'harness', 'fixtures', 'echo-package');
const ECHO = 'n8n-nodes-echo-fixture.echo';

/** Token endpoint + an echo endpoint that only accepts currently valid tokens. */
function startServer() {
	const state = { minted: 0, valid: new Set(), requests: [] };
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			state.requests.push({ url: req.url, authorization: req.headers.authorization, body });
			if (req.url === '/token') {
				const token = `tok-${++state.minted}`;
				state.valid.add(token);
				return res.end(JSON.stringify({ token }));
			}
			const auth = req.headers.authorization ?? '';
			if (!state.valid.has(auth.replace(/^Bearer /, ''))) {
				res.statusCode = 401;
				return res.end(JSON.stringify({ error: 'unauthorized' }));
			}
			if (req.url === '/fail') {
				res.statusCode = 500;
				return res.end(JSON.stringify({ error: 'boom' }));
			}
			res.end(JSON.stringify({ auth, body: JSON.parse(body || '{}'), url: req.url }));
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, state, baseUrl: `http://127.0.0.1:${server.address().port}` }),
		),
	);
}

const echoNode = (parameters, extra = {}) => ({
	id: 'echo-1',
	name: 'Echo',
	type: ECHO,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	credentials: { echoApi: { id: 'cred-1', name: 'Echo account' } },
	...extra,
});

describe('engine harness (n8n-core WorkflowExecute in process)', () => {
	let srv;
	let engine;

	beforeAll(async () => {
		srv = await startServer();
	});
	afterAll(() => srv.server.close());

	beforeEach(async () => {
		srv.state.valid.clear();
		srv.state.minted = 0;
		srv.state.requests.length = 0;
		engine = await createEngine({ packageDir: FIXTURE });
		// `scheme` is deliberately not stored: its property default ('Bearer') must be applied.
		engine.credentials.set('cred-1', {
			name: 'Echo account',
			type: 'echoApi',
			data: { baseUrl: srv.baseUrl, apiKey: 'key-1' },
		});
	});
	afterEach(() => engine.close());

	test('loads the package through PackageDirectoryLoader under <package>.<node>', () => {
		expect(engine.nodeTypes.getByNameAndVersion(ECHO, 1).description.name).toBe('echo');
		expect(Object.keys(engine.credentialTypes)).toEqual(['echoApi']);
	});

	test('generic authenticate header arrives resolved; preAuthentication mints once for N items; per-item expressions resolve', async () => {
		const run = await engine.runWorkflow({
			nodes: [echoNode({ path: '/echo', message: '={{ $json.x * 10 }}' })],
			connections: {},
			items: [{ json: { x: 1 } }, { json: { x: 2 } }, { json: { x: 3 } }],
		});

		expect(run.status).toBe('success');
		expect(run.error).toBeUndefined();
		expect(run.executionOrder).toEqual(['Echo']);
		const out = run.output('Echo');
		expect(out.map((i) => i.json.body.message)).toEqual([10, 20, 30]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const { json } of out) {
			expect(json.auth).toBe('Bearer tok-1');
			expect(json.auth).not.toContain('{{');
		}
		expect(srv.state.minted).toBe(1);
		expect(engine.events.preAuthentication).toEqual({ echoApi: 1 });
		// persisted like n8n's DB update
		expect(engine.credentials.get('cred-1')).toEqual({ baseUrl: srv.baseUrl, apiKey: 'key-1', token: 'tok-1' });
		expect(engine.events.credentialUpdates).toHaveLength(1);
	});

	test('a 401 re-runs preAuthentication (expired) once and retries with the rotated token', async () => {
		const nodes = [echoNode({ path: '/echo', message: '={{ $json.x }}' })];
		await engine.runWorkflow({ nodes, connections: {}, items: [{ json: { x: 1 } }] });
		expect(engine.credentials.get('cred-1').token).toBe('tok-1');

		srv.state.valid.clear(); // server revokes tok-1
		const run = await engine.runWorkflow({ nodes, connections: {}, items: [{ json: { x: 1 } }, { json: { x: 2 } }] });

		expect(run.status).toBe('success');
		expect(run.output('Echo').map((i) => i.json.auth)).toEqual(['Bearer tok-2', 'Bearer tok-2']);
		expect(engine.events.preAuthentication).toEqual({ echoApi: 2 });
		expect(engine.events.log.map((e) => e.expired)).toEqual([false, true]);
		expect(engine.credentials.get('cred-1').token).toBe('tok-2');
		// second run: rejected tok-1, token, retry, then item 2 straight through
		expect(srv.state.requests.slice(-4).map((r) => `${r.url} ${r.authorization ?? ''}`)).toEqual([
			'/echo Bearer tok-1',
			'/token ',
			'/echo Bearer tok-2',
			'/echo Bearer tok-2',
		]);
	});

	test('expressions in stored credential values resolve (and stay expressions in the store)', async () => {
		engine.credentials.set('cred-1', {
			name: 'Echo account',
			type: 'echoApi',
			data: { baseUrl: srv.baseUrl, apiKey: '={{ "key-" + (1 + 1) }}' },
		});
		const run = await engine.runWorkflow({ nodes: [echoNode({ path: '/echo' })], connections: {} });
		expect(run.status).toBe('success');
		expect(JSON.parse(srv.state.requests[0].body)).toEqual({ apiKey: 'key-2' });
		expect(engine.credentials.get('cred-1').apiKey).toBe('={{ "key-" + (1 + 1) }}');
	});

	test("onError: 'continueErrorOutput' routes failed items to output 1 with pairedItem", async () => {
		const run = await engine.runWorkflow({
			nodes: [echoNode({ path: '={{ $json.path }}', message: 'hi' }, { onError: 'continueErrorOutput' })],
			connections: {},
			items: [{ json: { path: '/echo' } }, { json: { path: '/fail' } }, { json: { path: '/echo' } }],
		});

		expect(run.status).toBe('success');
		expect(run.output('Echo', 0).map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		const errors = run.output('Echo', 1);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(typeof errors[0].json.error).toBe('string');
	});

	test("onError: 'continueRegularOutput' keeps the error item on output 0", async () => {
		const run = await engine.runWorkflow({
			nodes: [echoNode({ path: '/fail', message: 'hi' }, { onError: 'continueRegularOutput' })],
			connections: {},
		});
		expect(run.status).toBe('success');
		expect(run.output('Echo')).toEqual([{ json: { error: expect.any(String) }, pairedItem: { item: 0 } }]);
	});

	test('without continueOnFail a node error fails the run (status error, nodeError)', async () => {
		const run = await engine.runWorkflow({ nodes: [echoNode({ path: '/fail', message: 'hi' })], connections: {} });
		expect(run.status).toBe('error');
		expect(run.error).toBeDefined();
		expect(run.nodeError('Echo')).toBeDefined();
		expect(run.nodeError('Echo').name).toBe('NodeApiError');
		expect(run.output('Echo')).toEqual([]);
	});

	test('a missing required parameter throws WorkflowHasIssuesError (with the issues attached)', async () => {
		const promise = engine.runWorkflow({ nodes: [echoNode({ message: 'no path' })], connections: {} });
		await expect(promise).rejects.toBeInstanceOf(WorkflowHasIssuesError);
		await promise.catch((error) => {
			expect(error.issues.Echo.parameters).toHaveProperty('path');
		});
		expect(srv.state.requests).toHaveLength(0);
	});

	test('multi-node workflows: extraNodeTypes, connections, $json from the previous node, loadWorkflowFile', async () => {
		const setLike = {
			description: {
				displayName: 'Make Items', name: 'makeItems', group: ['transform'], version: 1, description: '',
				defaults: { name: 'Make Items' }, inputs: ['main'], outputs: ['main'], properties: [],
			},
			async execute() {
				return [this.getInputData().map((item, i) => ({ json: { x: `m${i}` }, pairedItem: { item: i } }))];
			},
		};
		const extra = await createEngine({ packageDir: FIXTURE, extraNodeTypes: { 'test.makeItems': setLike } });
		extra.credentials.set('cred-1', { name: 'Echo account', type: 'echoApi', data: { baseUrl: srv.baseUrl, apiKey: 'k' } });
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wf-')), 'wf.json');
		fs.writeFileSync(file, JSON.stringify({
			name: 'exported', meta: { instanceId: 'x' }, pinData: {},
			nodes: [
				{ id: 'm', name: 'Make Items', type: 'test.makeItems', typeVersion: 1, position: [0, 0], parameters: {} },
				echoNode({ path: '/echo', message: '={{ $json.x }}' }),
			],
			connections: { 'Make Items': { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		}));
		const run = await extra.runWorkflow({ ...loadWorkflowFile(file), items: [{ json: {} }, { json: {} }] });
		extra.close();

		expect(run.status).toBe('success');
		expect(run.executionOrder).toEqual(['Make Items', 'Echo']);
		expect(run.output('Echo').map((i) => i.json.body.message)).toEqual(['m0', 'm1']);
	});

	test('a plain node script using the harness exits on its own (no jest, no env setup)', () => {
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-home-'));
		const script = `
			const http = require('http');
			const { createEngine } = require(${JSON.stringify(path.join(__dirname, 'harness', 'engine.js'))});
			const server = http.createServer((req, res) => {
				req.resume();
				req.on('end', () => res.end(JSON.stringify(req.url === '/token' ? { token: 't' } : { auth: req.headers.authorization })));
			});
			server.listen(0, '127.0.0.1', async () => {
				const engine = await createEngine({ packageDir: ${JSON.stringify(FIXTURE)} });
				engine.credentials.set('1', { type: 'echoApi', data: { baseUrl: 'http://127.0.0.1:' + server.address().port } });
				const run = await engine.runWorkflow({ nodes: [{ name: 'Echo', type: ${JSON.stringify(ECHO)}, typeVersion: 1,
					position: [0, 0], parameters: { path: '/x' }, credentials: { echoApi: { id: '1', name: '1' } } }], connections: {} });
				server.close(); // deliberately no engine.close(): the unref'd SSH timer must not hold the process
				console.log(JSON.stringify({ status: run.status, out: run.output('Echo')[0].json, folder: process.env.N8N_USER_FOLDER }));
			});`;
		const env = { ...process.env, HOME: home };
		delete env.N8N_USER_FOLDER;
		delete env.N8N_LOG_LEVEL;
		delete env.NODE_ENV; // loads classes in a vm context like production n8n
		const child = spawnSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), env, encoding: 'utf8', timeout: 25000 });

		expect(child.signal).toBeNull(); // not killed by the timeout
		expect(child.status).toBe(0);
		expect(child.stderr).toBe(''); // logging is silent
		const result = JSON.parse(child.stdout.trim());
		expect(result).toMatchObject({ status: 'success', out: { auth: 'Bearer t' } });
		expect(result.folder.startsWith(os.tmpdir())).toBe(true);
		expect(fs.readdirSync(home)).toEqual([]); // nothing written to ~/.n8n
	});
});
