#!/usr/bin/env node
// `npm run bench`: how fast and how safely a large item list goes through
// Boomi's rate limit, for n8n's own GraphQL node (what users do today) and the
// Boomi Spaces node (defaults, and tuned), all in process through n8n-core's
// WorkflowExecute against the same simulator settings.
//
// The simulator runs in this process; each contender runs in a child process
// (so its peak RSS and CPU time are its own) and talks to the simulator over
// HTTP. Writes bench/results.md.
//
//   node bench/run.js [--items 500] [--rtt 150] [--limit 10] [--burst 10]
//                     [--memory-items 10000] [--sweep-rtts 50,150,600,1200] [--sweep-items 100]
//                     [--parallel 1,3,6,10] [--parallel-items 150] [--workers 3]
//                     [--only limited,sweep,parallel,overhead,memory] [--quick] [--out bench/results.md]
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const args = {
		items: 500,
		rtt: 150,
		limit: 10,
		burst: 10,
		memoryItems: 10000,
		sweepRtts: [50, 150, 600, 1200],
		sweepItems: 100,
		peerSeconds: 30,
		parallel: [1, 3, 6, 10],
		parallelRtt: 100,
		parallelItems: 150,
		parallelTotal: 450,
		workers: [3],
		only: undefined,
		out: path.join(__dirname, 'results.md'),
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const next = () => argv[++i];
		if (flag === '--items') args.items = Number(next());
		else if (flag === '--rtt') args.rtt = Number(next());
		else if (flag === '--limit') args.limit = Number(next());
		else if (flag === '--burst') args.burst = Number(next());
		else if (flag === '--memory-items') args.memoryItems = Number(next());
		else if (flag === '--sweep-rtts') args.sweepRtts = next().split(',').map(Number);
		else if (flag === '--sweep-items') args.sweepItems = Number(next());
		else if (flag === '--parallel') args.parallel = next().split(',').filter(Boolean).map(Number);
		else if (flag === '--parallel-items') args.parallelItems = Number(next());
		else if (flag === '--workers') args.workers = next().split(',').filter(Boolean).map(Number);
		else if (flag === '--only') args.only = new Set(next().split(','));
		else if (flag === '--out') args.out = path.resolve(next());
		else if (flag === '--quick')
			Object.assign(args, { items: 100, memoryItems: 1000, sweepItems: 40, peerSeconds: 8, parallel: [1, 3], parallelItems: 50, parallelTotal: 150, workers: [3] });
		else if (flag === '--child') args.child = true;
		else throw new Error(`Unknown flag ${flag}`);
	}
	return args;
}

// ---------------------------------------------------------------- child side
/** One contender's run: engine + workflow, reporting wall time, CPU and peak RSS. */
async function child() {
	const spec = JSON.parse(process.env.BENCH_SPEC);
	const { createEngine } = require('../test/harness/engine');
	const { simulatorCredential, unattachWorkflow, useCredential } = require('../test/engine/boomi-workflow');
	const { bulkAttachmentIds } = require('../test/simulator/bulk-seed');

	const extraNodeTypes = spec.kind === 'graphql' ? require('../test/n8n-peer').peerNodeTypes(['GraphQL/GraphQL.node.js']) : {};
	const engine = await createEngine({ extraNodeTypes });
	const sim = spec.sim; // { graphqlUrl, authUrl, demo }
	let workflow;
	if (spec.kind === 'graphql') {
		workflow = {
			nodes: [
				{
					id: 'graphql',
					name: 'GraphQL',
					type: 'n8n-nodes-base.graphql',
					typeVersion: 1.1,
					position: [0, 0],
					onError: 'continueRegularOutput',
					parameters: {
						endpoint: sim.graphqlUrl,
						requestFormat: 'json',
						query:
							'mutation UnattachIntegrationPackInstance($id: ID!) {\n  integrationPackInstanceEnvironmentAttachmentUnattach(id: $id)\n}',
						variables: '={{ JSON.stringify({ id: $json.id }) }}',
						operationName: 'UnattachIntegrationPackInstance',
						headerParametersUi: {
							parameter: [
								{ name: 'Authorization', value: `Bearer ${spec.jwt}` },
								{ name: 'SPACE_GUID', value: sim.demo.spaceGuid },
								{ name: 'Accept', value: 'application/json' },
							],
						},
					},
				},
			],
			connections: {},
		};
	} else {
		useCredential(engine, simulatorCredential(sim));
		workflow = unattachWorkflow({ onError: 'continueRegularOutput' });
		workflow.nodes[0].parameters.options = spec.options;
	}
	const nodeName = workflow.nodes[0].name;
	// `executions` runs of the workflow started together, each on its own slice of the attachments.
	const executions = spec.executions ?? 1;
	const offset = spec.offset ?? 0;
	const ids = bulkAttachmentIds(offset + spec.items).slice(offset);
	const perExecution = Math.ceil(spec.items / executions);
	const slices = [];
	for (let start = 0; start < ids.length; start += perExecution) slices.push(ids.slice(start, start + perExecution).map((id) => ({ json: { id } })));

	// Optional CPU profile of the run only (not start-up): inspector's Profiler.
	let session;
	const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
	if (spec.profileFile) {
		const inspector = require('inspector');
		session = new inspector.Session();
		session.connect();
		await post('Profiler.enable');
		await post('Profiler.start');
	}

	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 20);
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	const runs = await Promise.all(
		slices.map(async (items) => {
			const run = await engine.runWorkflow({ ...workflow, items });
			return { run, items, wallMs: Number(process.hrtime.bigint() - started) / 1e6 };
		}),
	);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	if (session) {
		const { profile } = await post('Profiler.stop');
		fs.writeFileSync(spec.profileFile, JSON.stringify(profile));
		session.disconnect();
	}

	let outputItems = 0;
	let failed = 0;
	let outputOk = true;
	for (const { run, items } of runs) {
		const output = run.status === 'success' ? run.output(nodeName) : [];
		outputItems += output.length;
		failed += output.filter((item) => item.json.error !== undefined || item.error !== undefined).length;
		outputOk &&=
			output.length === items.length &&
			output.every((item, index) => (item.pairedItem?.item === index || item.pairedItem === undefined) && (spec.kind === 'graphql' || item.json.id === items[index].json.id));
	}
	engine.close();
	const status = runs.every(({ run }) => run.status === 'success') ? 'success' : 'error';
	const executionMs = runs.map((run) => run.wallMs);
	process.stdout.write(
		`${JSON.stringify({ status, wallMs, executionMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRss, outputItems, failed, outputOk })}\n`,
	);
}

// --------------------------------------------------------------- parent side
function runChild(spec, nodeArgs = []) {
	return new Promise((resolve, reject) => {
		const proc = spawn(process.execPath, [...nodeArgs, __filename, '--child'], {
			env: { ...process.env, BENCH_SPEC: JSON.stringify(spec), N8N_LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		proc.stdout.on('data', (chunk) => (out += chunk));
		proc.on('error', reject);
		proc.on('close', (code) => {
			const line = out.trim().split('\n').pop();
			if (code !== 0 || !line) return reject(new Error(`contender ${spec.label} exited ${code}: ${out}`));
			resolve(JSON.parse(line));
		});
	});
}

/**
 * CPU self time of a V8 profile by where the code lives, so the node's own
 * code can be told apart from n8n's engine and the HTTP client it calls.
 */
function profileShares(profileFile) {
	const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const shares = { 'this package (dist/)': 0, 'n8n engine (n8n-core, n8n-workflow, luxon, lodash…)': 0, 'HTTP (axios, node:net/http/stream)': 0, 'other (GC, timers, native)': 0, 'idle (waiting for the simulator)': 0 };
	profile.samples.forEach((id, index) => {
		const frame = nodes.get(id)?.callFrame ?? {};
		const url = frame.url ?? '';
		const micros = profile.timeDeltas[index] ?? 0;
		let key = 'other (GC, timers, native)';
		if (frame.functionName === '(idle)') key = 'idle (waiting for the simulator)';
		else if (url.includes(`${path.sep}dist${path.sep}`) && !url.includes('node_modules')) key = 'this package (dist/)';
		else if (/node_modules\/(n8n-core|n8n-workflow|@n8n|luxon|lodash|jmespath|jssha|@langchain|zod)\//.test(url)) key = 'n8n engine (n8n-core, n8n-workflow, luxon, lodash…)';
		else if (/node_modules\/(axios|follow-redirects|proxy-from-env|form-data|https?-proxy-agent)|^node:(net|_http|http|https|internal\/streams|stream|events|dns|tls)/.test(url)) key = 'HTTP (axios, node:net/http/stream)';
		shares[key] += micros / 1000;
	});
	return shares;
}

async function measure(sim, spec, settings, nodeArgs) {
	sim.reset();
	sim.setOptions({
		latencyMs: settings.rtt,
		rateLimit: settings.limit ? { requestsPerSecond: settings.limit, burst: settings.burst, status: 503 } : null,
	});
	const jwt = sim.mintJwt({ lifetimeMs: 3600000 });
	const childSpec = { ...spec, jwt, sim: { graphqlUrl: sim.graphqlUrl, authUrl: sim.authUrl, demo: sim.demo } };
	let result;
	if (spec.workers > 1) {
		// Separate processes (like queue-mode workers): nothing shared but the account's limit.
		const per = spec.items / spec.workers;
		const parts = await Promise.all(
			Array.from({ length: spec.workers }, (_unused, w) => runChild({ ...childSpec, items: per, offset: w * per, label: `${spec.label} #${w}` }, nodeArgs)),
		);
		result = {
			status: parts.every((part) => part.status === 'success') ? 'success' : 'error',
			wallMs: Math.max(...parts.map((part) => part.wallMs)),
			executionMs: parts.flatMap((part) => part.executionMs),
			cpuMs: parts.reduce((sum, part) => sum + part.cpuMs, 0),
			peakRss: Math.max(...parts.map((part) => part.peakRss)),
			outputItems: parts.reduce((sum, part) => sum + part.outputItems, 0),
			failed: parts.reduce((sum, part) => sum + part.failed, 0),
			outputOk: parts.every((part) => part.outputOk),
		};
	} else {
		result = await runChild(childSpec, nodeArgs);
	}
	const graphql = sim.requests.filter((request) => request.path === '/graphql');
	const applied = sim.mutations.map((mutation) => mutation.result);
	const row = {
		label: spec.label,
		items: spec.items,
		rtt: settings.rtt,
		limit: settings.limit,
		...result,
		seconds: result.wallMs / 1000,
		// Throughput counts only attachments the simulator detached (failed items excluded).
		itemsPerSecond: new Set(applied).size / (result.wallMs / 1000),
		httpRequests: graphql.length,
		throttled: graphql.filter((request) => request.throttled).length,
		duplicates: applied.length - new Set(applied).size,
		notApplied: spec.items - new Set(applied).size,
		limitBoundSeconds: settings.limit ? spec.items / settings.limit : undefined,
		cpuMsPerItem: result.cpuMs / spec.items,
	};
	row.ratioToLimit = row.limitBoundSeconds ? row.limitBoundSeconds / row.seconds : undefined;
	row.executions = spec.workers ?? spec.executions ?? 1;
	// The pace once the run is going: requests sent after the first answer (JWT mint, first request alone) per second.
	const byStart = [...graphql].sort((a, b) => a.at - b.at);
	if (byStart.length > 2) row.steadyPerSecond = (byStart.length - 1) / ((byStart[byStart.length - 1].at - byStart[0].respondedAt) / 1000);
	row.slowestSeconds = Math.max(...(result.executionMs ?? [result.wallMs])) / 1000;
	row.fastestSeconds = Math.min(...(result.executionMs ?? [result.wallMs])) / 1000;
	console.error(
		`  ${row.label.padEnd(44)} ${row.executions > 1 ? `${row.executions} executions, ` : ''}${row.items} items  ${row.seconds.toFixed(1)} s  ${row.itemsPerSecond.toFixed(2)} items/s  ${row.httpRequests} req  ${row.throttled} throttled  ${row.failed} failed  ${row.duplicates} dup`,
	);
	return row;
}

const fmt = (value, digits = 2) => (value === undefined ? '–' : Number(value).toFixed(digits));
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function table(rows, peer) {
	const lines = [
		'| contender | items | wall s | detached items/s | × GraphQL node | HTTP requests | throttled | failed items | duplicate mutations | vs limit-bound (N/limit) | CPU ms/item | peak RSS |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.label} | ${row.items} | ${fmt(row.seconds, 1)} | ${fmt(row.itemsPerSecond)} | ${peer ? fmt(row.itemsPerSecond / peer.itemsPerSecond) : '–'} | ${row.httpRequests} | ${row.throttled} | ${row.failed} | ${row.duplicates} | ${row.ratioToLimit === undefined ? '–' : `${(row.ratioToLimit * 100).toFixed(1)} %`} | ${fmt(row.cpuMsPerItem, 3)} | ${mb(row.peakRss)} |`,
		);
	}
	return lines.join('\n');
}

const wanted = (args, name) => !args.only || args.only.has(name);
const pct = (ratio) => (ratio === undefined ? '–' : `${(ratio * 100).toFixed(1)} %`);

function sweepTable(rows) {
	const lines = [
		'| round trip | contender | items | wall s | detached items/s (whole run) | % of limit (whole run) | requests/s after the first answer | % of limit (after the first answer) | × GraphQL node | HTTP requests | throttled | failed items | duplicate mutations |',
		'|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	];
	for (const { peer, row } of rows) {
		lines.push(
			`| ${row.rtt} ms | ${row.label} | ${row.items} | ${fmt(row.seconds, 1)} | ${fmt(row.itemsPerSecond)} | ${pct(row.itemsPerSecond / row.limit)} | ${fmt(row.steadyPerSecond)} | ${pct(row.steadyPerSecond / row.limit)} | ${fmt(row.itemsPerSecond / peer.itemsPerSecond)} | ${row.httpRequests} | ${row.throttled} | ${row.failed} | ${row.duplicates} |`,
		);
	}
	return lines.join('\n');
}

function parallelTable(rows) {
	const lines = [
		'| where | executions at once | items each | aggregate % of limit | slowest execution s | bound (all items / limit) s | slowest ÷ bound | fastest execution s | HTTP requests | throttled | failed items | duplicate mutations | output in order |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
	];
	for (const row of rows) {
		lines.push(
			`| ${row.where} | ${row.executions} | ${row.items / row.executions} | ${pct(row.limitBoundSeconds / row.slowestSeconds)} | ${fmt(row.slowestSeconds, 1)} | ${fmt(row.limitBoundSeconds, 0)} | ${fmt(row.slowestSeconds / row.limitBoundSeconds)} | ${fmt(row.fastestSeconds, 1)} | ${row.httpRequests} | ${row.throttled} (${pct(row.throttled / row.httpRequests)}) | ${row.failed} | ${row.duplicates} | ${row.outputOk && row.notApplied === 0 ? 'yes' : 'NO'} |`,
		);
	}
	return lines.join('\n');
}

async function parent(args) {
	console.error('Building the package…');
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	require('../test/n8n-peer').ensureInstalled();
	const { startSimulator } = require('../test/simulator');
	const { bulkSeed } = require('../test/simulator/bulk-seed');
	const parallelItems = (n) => (n <= 3 ? args.parallelItems : Math.round(args.parallelTotal / n)) * n;
	const seedSize = Math.max(args.items, args.memoryItems, args.sweepItems, ...args.parallel.map(parallelItems));
	const sim = await startSimulator({ seed: bulkSeed(seedSize) });
	const limited = { rtt: args.rtt, limit: args.limit, burst: args.burst };
	const tuned = { batchSize: 5, concurrency: 2, requestsPerSecond: args.limit };
	const free = { rtt: 0, limit: 0, burst: 0 };
	const unpaced = { requestsPerSecond: 1000, concurrency: 4 };
	const cpus = os.cpus();
	const sections = [];
	try {
		if (wanted(args, 'limited')) {
			console.error(`Rate-limited runs: ${args.items} items, RTT ${args.rtt} ms, limit ${args.limit} calls/s (burst ${args.burst})`);
			const peerRow = await measure(sim, { kind: 'graphql', label: 'n8n GraphQL node (one request per item)', items: args.items }, limited);
			const rows = [
				peerRow,
				await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, defaults', items: args.items, options: {} }, limited),
				await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, batchSize 5, concurrency 2', items: args.items, options: tuned }, limited),
			];
			const [, defaults, tunedRow] = rows;
			sections.push(`## Through the rate limit: ${args.items} items, RTT ${args.rtt} ms, limit ${args.limit} calls/s, burst ${args.burst}

${table(rows, peerRow)}

- Limit-bound time is N / limit = ${fmt(args.items / args.limit, 0)} s: no client can detach faster without being throttled. The defaults reach ${fmt(defaults.ratioToLimit * 100, 1)} % of it, batched ${fmt(tunedRow.ratioToLimit * 100, 1)} %, with ${defaults.failed + tunedRow.failed} failed items and ${defaults.duplicates + tunedRow.duplicates} duplicate mutations.
- Against the GraphQL node: ×${fmt(defaults.itemsPerSecond / peerRow.itemsPerSecond)} (defaults). The GraphQL node sends one request at a time, so it runs at 1 / RTT ≈ ${fmt(1000 / args.rtt)} items/s, already ${fmt((1000 / args.rtt / args.limit) * 100, 0)} % of the limit at this RTT: with a ${args.limit} calls/s account limit no client can be more than ×${fmt(args.limit / (1000 / args.rtt))} faster here. The gap grows with RTT (next table).
- Batching cuts HTTP requests (${tunedRow.httpRequests} instead of ${defaults.httpRequests}) but not platform calls: Boomi counts each aliased field.`);
		}

		if (wanted(args, 'sweep')) {
			console.error(`Round-trip sweep: ${args.sweepItems} items per run, RTT ${args.sweepRtts.join(', ')} ms, limit ${args.limit} calls/s`);
			const rows = [];
			for (const rtt of args.sweepRtts) {
				const settings = { rtt, limit: args.limit, burst: args.burst };
				const peerItems = Math.min(args.sweepItems, Math.max(10, Math.ceil((args.peerSeconds * 1000) / rtt)));
				const peer = await measure(sim, { kind: 'graphql', label: 'n8n GraphQL node', items: peerItems }, settings);
				rows.push({ peer, row: peer });
				rows.push({ peer, row: await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, defaults (Concurrency automatic)', items: args.sweepItems, options: {} }, settings) });
				rows.push({ peer, row: await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, Concurrency 4 (the 0.1.0 default)', items: args.sweepItems, options: { concurrency: 4 } }, settings) });
			}
			const auto = rows.filter(({ row }) => row.label.includes('automatic'));
			sections.push(`## Round-trip sweep: ${args.sweepItems} items, limit ${args.limit} calls/s, burst ${args.burst}

${sweepTable(rows)}

With the defaults the node keeps pace × measured round trip requests in flight (plus one waiting for its slot, up to 32), so once the first answer is in it holds ${auto.map(({ row }) => pct(row.steadyPerSecond / row.limit)).join(' / ')} of the limit at ${args.sweepRtts.join(' / ')} ms (${auto.map(({ row }) => pct(row.itemsPerSecond / row.limit)).join(' / ')} over the whole run of ${args.sweepItems} items, start included: the first request goes alone and mints the JWT, and the last answer takes a round trip), with ${auto.reduce((sum, { row }) => sum + row.throttled, 0)} throttled responses in all. A fixed Concurrency N caps it at N / round trip; n8n's GraphQL node sends one request at a time (1 / round trip). The GraphQL node runs fewer items at long round trips (same rate, shorter bench).`);
		}

		if (wanted(args, 'parallel')) {
			console.error(`Parallel executions, one credential: RTT ${args.parallelRtt} ms, limit ${args.limit} calls/s, executions ${args.parallel.join(', ')}`);
			const settings = { rtt: args.parallelRtt, limit: args.limit, burst: args.burst };
			const rows = [];
			for (const executions of args.parallel) {
				const row = await measure(sim, { kind: 'boomi', label: `Boomi Spaces node, defaults, ${executions} at once`, items: parallelItems(executions), executions, options: {} }, settings);
				rows.push({ ...row, where: 'one process' });
			}
			for (const workers of args.workers) {
				const row = await measure(sim, { kind: 'boomi', label: `Boomi Spaces node, defaults, ${workers} processes`, items: parallelItems(workers), workers, options: {} }, settings);
				rows.push({ ...row, where: 'separate processes' });
			}
			sections.push(`## Parallel executions of one account in one n8n process: RTT ${args.parallelRtt} ms, limit ${args.limit} calls/s, burst ${args.burst}, default options

${parallelTable(rows)}

Executions started together in one process (as in regular mode, or one queue-mode worker running several jobs), one stored credential, each on its own attachments. They share one pace per account, handed out round-robin, so together they stay at the account's limit and finish together: aggregate % of limit = all items / limit ÷ slowest execution's time; the bound is what a perfectly shared 10 calls/s would take for all items. "Output in order" = every execution's items came out once each, in input order with the right pairedItem, and every attachment was detached.

"Separate processes" runs each execution in its own process, like queue-mode workers on one account: nothing is shared but Boomi's limit, so only its 503s tell each one it is not alone. Each backs off once per congestion episode (503s for requests sent before its backoff are ignored), waits Retry-After or a short jittered pause, and regains its pace fast — up to where the last episode struck, then probing above it. This is the case that costs throttled responses; every throttled item is resent, none is applied twice.`);
		}

		if (wanted(args, 'overhead')) {
			console.error('Overhead runs: no latency, no rate limit');
			const overheadPeer = await measure(sim, { kind: 'graphql', label: 'n8n GraphQL node', items: args.items }, free);
			const overheadRows = [
				overheadPeer,
				await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000', items: args.items, options: unpaced }, free),
				await measure(sim, { kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000, batchSize 10', items: args.items, options: { ...unpaced, batchSize: 10 } }, free),
			];
			console.error('Profiled run: where the CPU time per item goes');
			const profileFile = path.join(os.tmpdir(), `boomi-bench-${process.pid}.cpuprofile`);
			const profiled = await measure(
				sim,
				{ kind: 'boomi', label: 'Boomi Spaces node, requestsPerSecond 1000 (profiled)', items: args.items, options: unpaced, profileFile },
				free,
			);
			const shares = profileShares(profileFile);
			fs.rmSync(profileFile, { force: true });
			sections.push(`## Node overhead: ${args.items} items, no latency, no rate limit

${table(overheadRows, overheadPeer)}

CPU ms/item is the contender process's CPU time (n8n engine, node, HTTP client) divided by items; the simulator runs in the parent process.

Where that CPU time goes (V8 sampling profile of the run phase of one more unbatched run of ${profiled.items} items, start-up excluded, self time by code location, per item):

| code | ms per item |
|---|---:|
${Object.entries(shares).map(([key, ms]) => `| ${key} | ${fmt(ms / profiled.items, 3)} |`).join('\n')}

The node's own code (router, pacer, transport, mapping) is the first row; the rest is what n8n does for any node that sends one authenticated request per item (credential loading and expression resolution for the generic \`authenticate\`, the HTTP client). Batching divides that per-request part by the batch size.`);
		}

		if (wanted(args, 'memory')) {
			console.error('Memory runs: no latency, no rate limit');
			const memoryRows = [];
			for (const items of [args.items, args.memoryItems]) {
				memoryRows.push(await measure(sim, { kind: 'boomi', label: `Boomi Spaces node, ${items} items`, items, options: unpaced }, free));
			}
			sections.push(`## Memory: ${args.items} vs ${args.memoryItems} items (no latency, no rate limit)

${table(memoryRows)}

Peak RSS ratio ${args.memoryItems} / ${args.items} items: ${fmt(memoryRows[1].peakRss / memoryRows[0].peakRss)} (the output items themselves are kept by n8n, as for any node).`);
		}

		const report = `# Benchmark: detaching integration pack instances through Boomi's rate limit

Generated by \`npm run bench\` (bench/run.js${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${mb(os.totalmem())} RAM, ${os.type()} ${os.release()}, Node ${process.version}; n8n-core / n8n-workflow 2.11.1, n8n-nodes-base 2.11.2 (GraphQL node).

Every contender runs in process through n8n-core \`WorkflowExecute\` (a child process each, so CPU and RSS are its own) against the Boomi Spaces simulator over HTTP, with the same settings. Each input item is one attachment to detach (\`integrationPackInstanceEnvironmentAttachmentUnattach\`). The simulator applies the rate limit per platform call (per aliased field) as a token bucket per account, answers HTTP 503 over it, and logs every applied mutation (duplicates = the same attachment detached twice; "failed items" = error items in the output). The GraphQL node gets a pre-minted JWT in its headers (users paste one today; it would expire after five minutes); the Boomi Spaces node mints its own through the credential.

${sections.join('\n\n')}
`;
		fs.writeFileSync(args.out, report);
		console.error(`\nWrote ${path.relative(ROOT, args.out)}`);
		process.stdout.write(report);
	} finally {
		await sim.close();
	}
}

const args = parseArgs(process.argv.slice(2));
(args.child ? child() : parent(args)).catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
