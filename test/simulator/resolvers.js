'use strict';
// The Boomi domain behind the GraphQL fields: real state changes on `sim.state`,
// Boomi-looking errors. Every root field is wrapped by makeRootValue so that
// the per-platform-call concerns (field-mode rate limiting, field faults,
// fieldCostMs, the SPACE_GUID check, mutation recording) live in one place.
// Which fields are mutations and which need no SPACE_GUID comes from the schema
// (schema.js); makeRootValue refuses to build when a root field has no
// implementation here, so no field can silently answer null.
//
// Error codes (rendered "<CODE>: <text>" or as extensions.code) follow Boomi's
// documented list where one fits: SPACE_NOT_FOUND, MISSING_ID, MISSING_NAME,
// INVALID_NAME, NAME_IS_LENGTHY, MISSING_ACCT_GRP_ID, SPACE_EXISTS_FOR_ACCT_GRP,
// LOGO_UPLOAD_ERROR, IPACK_INSTANCE_ID_INVALID, IPACK_NOT_FOUND_IN_SPACE,
// ARTIFACT_NOT_IN_SPACE; anything the Platform API underneath would reject is
// PLATFORM_CALL_ERROR, and bad input to Boomi's own OAuth store GENERIC_SYSTEM_ERROR.

const crypto = require('crypto');
const {
	encodeInstanceId,
	encodeAttachmentId,
	encodeEnvExtensionId,
	encodeMapExtensionId,
	encodeProcessSchedulesId,
	stableUuid,
} = require('./ids');
const { processesFor, extensionsFor, mapExtensionsFor } = require('./seed');
const { SPACE_EXEMPT, MUTATION_FIELDS, ROOT_FIELDS } = require('./schema');

/** A domain error; index.js renders it as "<CODE>: <text>" or with extensions.code. */
class BoomiError extends Error {
	constructor(code, text) {
		super(`${code}: ${text}`);
		this.name = 'BoomiError';
		this.code = code;
		this.text = text;
	}
}

const RATE_LIMIT_TEXT = 'Platform API responded 503 Service Unavailable: rate limit exceeded';

const EXECUTION_STATUSES = ['ABORTED', 'COMPLETE', 'COMPLETE_WARN', 'DISCARDED', 'ERROR', 'INPROCESS', 'STARTED'];
const DEFAULT_OUTCOME = Object.freeze({ status: 'COMPLETE', message: null, runMs: 1000 });
const SPACE_NAME_MAX = 100; // [inferred] Boomi documents NAME_IS_LENGTHY but not the limit
const SCHEDULE_KEYS = ['minutes', 'hours', 'daysOfWeek', 'daysOfMonth', 'months', 'years'];

// ---- small helpers -------------------------------------------------------------------

/** "2023-04-13 11:57:12.0": the Space date form of the samples. */
function boomiDate(ms = Date.now()) {
	return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '.0');
}

/** "2023-04-23T18:30:00Z": executionHistory's DateTime form. */
function isoSeconds(ms = Date.now()) {
	return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Space date "2024-03-11 09:14:27.0" → DateTime "2024-03-11T09:14:27Z" (null when absent). */
function spaceDateToIso(value) {
	if (!value) return null;
	const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(value);
	return m ? `${m[1]}T${m[2]}Z` : value;
}

function parseJsonText(text, what, code = 'PLATFORM_CALL_ERROR') {
	let value;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new BoomiError(code, `${what} is not valid JSON: ${error.message}`);
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BoomiError(code, `${what} must be a JSON object`);
	return value;
}

/** Boomi's JSON writes a one-element list as the element itself at times: accept both. */
function asList(value) {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function requireText(value, name, code = 'PLATFORM_CALL_ERROR') {
	if (typeof value !== 'string' || value.trim() === '') throw new BoomiError(code, `${name} is required`);
	return value;
}

// ---- visibility ------------------------------------------------------------------

function ownerOf(state, entity) {
	return entity.accountId ?? state.accounts[0].accountId;
}

// A Space without an explicit list exposes everything the account has.
function packInSpace(space, packId) {
	return !space || !Array.isArray(space.integrationPackIds) || space.integrationPackIds.includes(packId);
}

function envInSpace(space, envId) {
	return !space || !Array.isArray(space.environmentIds) || space.environmentIds.includes(envId);
}

function findSpace(state, accountId, guid) {
	return state.spaces.find((s) => s.id === guid && ownerOf(state, s) === accountId);
}

function requireSpace(state, ctx, fieldName) {
	const guid = ctx.spaceGuid;
	if (guid === undefined || guid === '') {
		throw new BoomiError('SPACE_NOT_FOUND', `The SPACE_GUID header is required for ${fieldName}`);
	}
	const space = findSpace(state, ctx.accountId, guid);
	if (!space) throw new BoomiError('SPACE_NOT_FOUND', `Space '${guid}' was not found`);
	return space;
}

function findInstance(state, accountId, id) {
	return state.instances.find((i) => i.id === id && ownerOf(state, i) === accountId);
}

function findEnvironment(state, accountId, id) {
	return state.environments.find((e) => e.id === id && ownerOf(state, e) === accountId);
}

function assertInstanceInSpace(instance, space) {
	if (!packInSpace(space, instance.integrationPackId)) {
		throw new BoomiError(
			'IPACK_NOT_FOUND_IN_SPACE',
			`Integration pack '${instance.integrationPackId}' of instance '${instance.id}' is not available in space '${space.id}'`,
		);
	}
}

function assertEnvironmentInSpace(envId, space) {
	if (!envInSpace(space, envId)) {
		throw new BoomiError('ARTIFACT_NOT_IN_SPACE', `Environment '${envId}' is not available in space '${space.id}'`);
	}
}

// ---- output shapes (copies, so a client's response never aliases live state) -------

// environmentExtensions / environmentMapExtension are functions (graphql-js calls them when the field is
// selected), so listing thousands of attachments only builds the JSON that a client asked for.
function toAttachment(state, a) {
	return {
		id: a.id,
		environmentId: a.environmentId,
		integrationPackInstanceId: a.integrationPackInstanceId,
		environmentExtensions: () => environmentExtensionsText(state, a),
		environmentMapExtension: () => environmentMapExtensionTexts(state, a),
	};
}

function environmentExtensionsText(state, a) {
	if (typeof a.environmentExtensions === 'string') return a.environmentExtensions;
	const instance = a.extensions ? state.instances.find((i) => i.id === a.integrationPackInstanceId) : undefined;
	return instance ? JSON.stringify(envExtensionsDoc(a, instance)) : null;
}

function environmentMapExtensionTexts(state, a) {
	const instance = state.instances.find((i) => i.id === a.integrationPackInstanceId);
	return instance ? (a.mapExtensions || []).map((m) => (m ? JSON.stringify(bulkResult(mapExtensionDoc(a, instance, m))) : '')) : [];
}

// ---- environment extensions and map extensions (Platform API JSON shapes of the samples) ----

function envExtensionIdOf(a, instance) {
	return encodeEnvExtensionId(a.environmentId, instance.extensionGroupId);
}

function mapExtensionIdOf(a, instance, m) {
	return encodeMapExtensionId(a.environmentId, instance.extensionGroupId, m.processId, m.mapId);
}

function fieldJson(f) {
	const out = { '@type': 'Field', id: f.id };
	if (f.usesEncryption) {
		// Encrypted values never come back; encryptedValueSet says whether one is stored [sample].
		out.encryptedValueSet = !f.useDefault && typeof f.value === 'string' && f.value !== '';
	} else {
		const value = f.useDefault ? f.defaultValue : f.value;
		if (value !== undefined && value !== '') out.value = value;
		out.encryptedValueSet = false;
	}
	out.usesEncryption = f.usesEncryption;
	out.componentOverride = false;
	out.useDefault = f.useDefault;
	return out;
}

function propertyValueJson(v) {
	const set = !v.useDefault && typeof v.value === 'string' && v.value !== '';
	return {
		'@type': 'ProcessPropertyValue',
		label: v.label,
		key: v.key,
		// An encrypted value that is set reads "[[HIDDEN]]" [sample].
		value: v.encrypted ? (set ? '[[HIDDEN]]' : '') : ((v.useDefault ? v.defaultValue : v.value) ?? ''),
		encryptedValueSet: Boolean(v.encrypted && set),
		useDefault: v.useDefault,
	};
}

function envExtensionsDoc(a, instance) {
	const x = a.extensions;
	return {
		'@type': 'EnvironmentExtensions',
		connections: {
			'@type': 'Connections',
			connection: x.connections.map((c) => ({ '@type': 'Connection', field: c.fields.map(fieldJson), id: c.id, name: c.name })),
		},
		processProperties: {
			'@type': 'OverrideProcessProperties',
			ProcessProperty: x.processProperties.map((p) => ({
				'@type': 'OverrideProcessProperty',
				ProcessPropertyValue: p.values.map(propertyValueJson),
				id: p.id,
				name: p.name,
			})),
		},
		environmentId: a.environmentId,
		extensionGroupId: instance.extensionGroupId,
		id: envExtensionIdOf(a, instance),
	};
}

function profileJson(p) {
	return {
		'@type': 'MapExtensionsProfile',
		Node: p.nodes.map((n) => ({ '@type': 'MapExtensionsNode', name: n.name, xpath: n.xpath })),
		componentId: p.componentId,
	};
}

function mapExtensionDoc(a, instance, m) {
	return {
		'@type': 'EnvironmentMapExtension',
		Map: {
			'@type': 'MapExtension',
			SourceProfile: profileJson(m.source),
			DestinationProfile: profileJson(m.destination),
			ExtendedFunctions: { '@type': 'MapExtensionsFunctions' },
			ExtendedMappings: {
				'@type': 'MapExtensionsExtendedMappings',
				Mapping: m.mappings.map((x) => ({ '@type': 'MapExtensionsMapping', toXPath: x.toXPath, fromXPath: x.fromXPath })),
			},
			SourceProfileExtensions: { '@type': 'MapExtensionExtendProfile' },
			DestinationProfileExtensions: { '@type': 'MapExtensionExtendProfile' },
		},
		environmentId: a.environmentId,
		extensionGroupId: instance.extensionGroupId,
		id: mapExtensionIdOf(a, instance, m),
		processId: m.processId,
		mapId: m.mapId,
		name: m.name,
	};
}

/** integrationPackEnvironmentAttachments shows map extensions as Platform API bulk GET results [sample]. */
function bulkResult(doc) {
	return { '@type': 'BulkResult', response: [{ '@type': 'BulkResponse', Result: doc, index: 0, id: doc.id, statusCode: 200 }] };
}

function toPack(p) {
	return p ? { id: p.id, name: p.name, description: p.description ?? null, installationType: p.installationType ?? null } : null;
}

function toInstance(state, i) {
	return {
		id: i.id,
		integrationPackId: i.integrationPackId,
		integrationPackOverrideName: i.integrationPackOverrideName ?? null,
		integrationPack: toPack(state.integrationPacks.find((p) => p.id === i.integrationPackId)),
	};
}

function packsInSpace(state, space) {
	// Packs are not owned by an account in the seed: a Space without a list shows every pack.
	const ids = Array.isArray(space.integrationPackIds) ? space.integrationPackIds : null;
	return ids ? ids.map((id) => state.integrationPacks.find((p) => p.id === id)).filter(Boolean) : state.integrationPacks;
}

function toSpace(state, s) {
	const group = s.accountGroup ? (state.accountGroups || []).find((g) => g.id === s.accountGroup.id) : undefined;
	return {
		id: s.id,
		name: s.name,
		description: s.description ?? null,
		createdDate: s.createdDate ?? null,
		createdByAccountId: s.createdByAccountId ?? null,
		modifiedDate: s.modifiedDate ?? null,
		modifiedByAccountId: s.modifiedByAccountId ?? null,
		url: s.url ?? null,
		accountGroup: s.accountGroup
			? {
					...s.accountGroup,
					integrationPacks: group && Array.isArray(group.integrationPackIds)
						? group.integrationPackIds.map((id) => toPack(state.integrationPacks.find((p) => p.id === id))).filter(Boolean)
						: null,
				}
			: null,
		sharedIpacks: packsInSpace(state, s).map(toPack),
		theme: s.theme ? { logoAltTxt: s.theme.logoAltTxt ?? null, logoUrl: s.theme.logoUrl ?? null } : null,
	};
}

// An attachment belongs to the account of its instance.
function attachmentOwner(state, a) {
	const instance = state.instances.find((i) => i.id === a.integrationPackInstanceId);
	return instance ? ownerOf(state, instance) : (a.accountId ?? state.accounts[0].accountId);
}

function removeAttachment(state, att) {
	const index = state.attachments.indexOf(att);
	if (index >= 0) state.attachments.splice(index, 1);
}

// ---- revision 2 domain helpers -------------------------------------------------------

function spliceWhere(list, predicate) {
	for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) list.splice(i, 1);
}

function ownedSpace(state, accountId, id) {
	if (typeof id !== 'string' || id === '') throw new BoomiError('MISSING_ID', 'The Space id is required');
	const space = findSpace(state, accountId, id);
	if (!space) throw new BoomiError('SPACE_NOT_FOUND', `Space '${id}' was not found`);
	return space;
}

function checkSpaceName(name) {
	if (typeof name !== 'string' || name.trim() === '') throw new BoomiError('MISSING_NAME', 'The Space name is required');
	const trimmed = name.trim();
	if (trimmed.length > SPACE_NAME_MAX) throw new BoomiError('NAME_IS_LENGTHY', `The Space name must be at most ${SPACE_NAME_MAX} characters`);
	// [inferred] markup and control characters are what a web UI's name check would refuse.
	// eslint-disable-next-line no-control-regex
	if (/[<>\u0000-\u001f\u007f]/.test(trimmed)) throw new BoomiError('INVALID_NAME', `The Space name '${trimmed}' contains characters that are not allowed`);
	return trimmed;
}

function checkTheme(theme) {
	if (!theme) return undefined;
	if (theme.logo !== undefined && theme.logo !== null) {
		// A logo is a GraphQL multipart upload; the simulator speaks JSON only.
		throw new BoomiError('LOGO_UPLOAD_ERROR', 'Logo upload (GraphQL multipart request) is not supported by the simulator; send logo: null');
	}
	return { logoAltTxt: theme.logoAltTxt ?? null };
}

/** The instance of the caller, in the Space: IPACK_INSTANCE_ID_INVALID / IPACK_NOT_FOUND_IN_SPACE. */
function instanceInSpace(state, ctx, space, id) {
	const instance = findInstance(state, ctx.accountId, id);
	if (!instance) throw new BoomiError('IPACK_INSTANCE_ID_INVALID', `Integration pack instance '${id}' was not found`);
	assertInstanceInSpace(instance, space);
	return instance;
}

function findProcess(state, accountId, id) {
	const process = state.processes.find((p) => p.id === id);
	if (!process) return null;
	const instance = findInstance(state, accountId, process.integrationPackInstanceId);
	return instance ? { process, instance } : null;
}

function processInSpace(state, ctx, space, processId) {
	const found = findProcess(state, ctx.accountId, processId);
	if (!found) throw new BoomiError('PLATFORM_CALL_ERROR', `Process '${processId}' was not found`);
	assertInstanceInSpace(found.instance, space);
	return found;
}

/** Every (atom, environment) where the instance's processes are deployed, i.e. its attached environments' atoms. */
function deployedAtoms(state, instance, space) {
	const result = [];
	for (const a of state.attachments) {
		if (a.integrationPackInstanceId !== instance.id || (space && !envInSpace(space, a.environmentId))) continue;
		const env = state.environments.find((e) => e.id === a.environmentId);
		if (env) for (const atom of env.atoms) result.push({ atom, env });
	}
	return result;
}

function storedSchedules(state, processId, atomId, envId) {
	const id = encodeProcessSchedulesId(atomId, processId);
	const stored = state.processSchedules.find((x) => x.id === id);
	return {
		id,
		processId,
		atomId,
		envId,
		schedule: stored ? stored.schedule.map((x) => ({ ...x })) : [],
		retry: stored
			? { schedule: stored.retry.schedule.map((x) => ({ ...x })), maxRetry: stored.retry.maxRetry ?? 5 }
			: { schedule: [], maxRetry: 5 }, // an unscheduled process [sample]
	};
}

/** processSchedules JSON Schedule entry → stored form; "" (and absent) becomes "*" as the sample response shows. */
function normaliseSchedule(entry, where) {
	if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new BoomiError('PLATFORM_CALL_ERROR', `${where} must be an object`);
	const out = {};
	for (const key of SCHEDULE_KEYS) {
		const raw = entry[key] === undefined || entry[key] === null ? '' : String(entry[key]).trim();
		const value = raw === '' ? '*' : raw;
		if (!/^[0-9*,/-]+$/.test(value)) throw new BoomiError('PLATFORM_CALL_ERROR', `${where}.${key} '${value}' is not a valid schedule expression`);
		out[key] = value;
	}
	return out;
}

// Connection fields and process property values: `partial` keeps what is not sent, otherwise it is reset.
function resetValue(v) {
	v.useDefault = true;
	v.value = undefined;
}

function applyValue(target, sent) {
	if (sent.useDefault === true || sent.useDefault === 'true') return resetValue(target);
	if (sent.value !== undefined && sent.value !== null && !(target.encrypted && sent.value === '[[HIDDEN]]')) {
		target.value = String(sent.value);
	} else if (!(sent.encryptedValueSet === true && typeof target.value === 'string')) {
		// Not default, no value and no kept secret: empty.
		target.value = '';
	}
	target.useDefault = false;
}

function applyExtensions(extensions, doc, partial, envExtensionId) {
	const touched = new Set();
	const updates = [];
	for (const c of asList(doc.connections && doc.connections.connection)) {
		const conn = extensions.connections.find((x) => x.id === c.id);
		if (!conn) throw new BoomiError('PLATFORM_CALL_ERROR', `Connection '${c.id}' is not extensible in environment extensions '${envExtensionId}'`);
		for (const f of asList(c.field)) {
			const field = conn.fields.find((x) => x.id === f.id);
			if (!field) throw new BoomiError('PLATFORM_CALL_ERROR', `Connection '${conn.name}' has no extensible field '${f.id}'`);
			updates.push([field, f]);
			touched.add(field);
		}
	}
	for (const p of asList(doc.processProperties && doc.processProperties.ProcessProperty)) {
		const props = extensions.processProperties.find((x) => x.id === p.id);
		if (!props) throw new BoomiError('PLATFORM_CALL_ERROR', `Process property component '${p.id}' is not extensible in environment extensions '${envExtensionId}'`);
		for (const v of asList(p.ProcessPropertyValue)) {
			const value = props.values.find((x) => x.key === v.key);
			if (!value) throw new BoomiError('PLATFORM_CALL_ERROR', `Process property component '${props.name}' has no property '${v.key}'`);
			updates.push([value, v]);
			touched.add(value);
		}
	}
	// Validation done: now change state.
	if (!partial) {
		// spa-update_extensions.md: without "partial": "true", "any properties that are not passed will be set to default/empty".
		for (const c of extensions.connections) for (const f of c.fields) if (!touched.has(f)) resetValue(f);
		for (const p of extensions.processProperties) for (const v of p.values) if (!touched.has(v)) resetValue(v);
	}
	for (const [target, sent] of updates) applyValue(target, sent);
}

/** Every extensions-bearing attachment of the account as { a, instance }. */
function accountAttachments(state, accountId) {
	const result = [];
	for (const a of state.attachments) {
		const instance = findInstance(state, accountId, a.integrationPackInstanceId);
		if (instance) result.push({ a, instance });
	}
	return result;
}

function accountOfProcess(state, process) {
	const instance = state.instances.find((i) => i.id === process.integrationPackInstanceId);
	return instance ? ownerOf(state, instance) : null;
}

function executionJson(state, r) {
	const process = state.processes.find((p) => p.id === r.processId);
	const atom = state.environments.flatMap((e) => e.atoms).find((x) => x.id === r.atomId);
	const long = (n) => ['Long', String(Math.round(Number(n) || 0))];
	return {
		executionId: r.executionId,
		originalExecutionId: r.originalExecutionId ?? null,
		account: r.account ?? (process ? accountOfProcess(state, process) : null),
		executionTime: r.executionTime,
		status: r.status,
		executionType: r.executionType ?? null,
		processName: r.processName ?? (process ? process.name : null),
		atomName: r.atomName ?? (atom ? atom.name : null),
		atomId: r.atomId ?? null,
		inboundDocumentCount: r.inboundDocumentCount ?? 0,
		inboundErrorDocumentCount: r.inboundErrorDocumentCount ?? 0,
		outboundDocumentCount: r.outboundDocumentCount ?? 0,
		executionDuration: long(r.executionDuration),
		message: r.message ?? null,
		inboundDocumentSize: long(r.inboundDocumentSize),
		outboundDocumentSize: long(r.outboundDocumentSize),
	};
}

/** Runs started by processExecute finish once their time is up (no timers: settled when read). */
function settleExecutions(state, now = Date.now()) {
	for (const r of state.executions) {
		if (!r.pending || now < r.pending.completesAt) continue;
		const o = r.pending.outcome;
		r.status = o.status;
		r.message = o.message ?? null;
		r.executionDuration = o.runMs;
		for (const key of ['inboundDocumentCount', 'inboundErrorDocumentCount', 'outboundDocumentCount', 'inboundDocumentSize', 'outboundDocumentSize']) {
			if (o[key] !== undefined) r[key] = o[key];
		}
		delete r.pending;
	}
}

function oauthJson(o) {
	return {
		id: o.id,
		integrationPackInstanceId: o.integrationPackInstanceId,
		envId: o.envId,
		isTokenGenerated: Boolean(o.isTokenGenerated),
		connectionId: o.connectionId,
		processId: o.processId,
		oauthConnectorDetails: o.oauthConnectorDetails,
		catalogGuid: o.catalogGuid,
	};
}

/** The checks save and get share: all five keys present, Space = catalogGuid, instance in it, env/process/connection of it. */
function oauthTarget(state, ctx, space, input) {
	for (const key of ['integrationPackInstanceId', 'envId', 'processId', 'connectionId', 'catalogGuid']) requireText(input[key], key, 'GENERIC_SYSTEM_ERROR');
	if (input.catalogGuid !== space.id) {
		throw new BoomiError('SPACE_NOT_FOUND', `catalogGuid '${input.catalogGuid}' does not name the Space of the SPACE_GUID header ('${space.id}')`);
	}
	const instance = instanceInSpace(state, ctx, space, input.integrationPackInstanceId);
	const att = state.attachments.find((a) => a.integrationPackInstanceId === instance.id && a.environmentId === input.envId);
	if (!att) throw new BoomiError('PLATFORM_CALL_ERROR', `Integration pack instance '${instance.id}' is not attached to environment '${input.envId}'`);
	assertEnvironmentInSpace(att.environmentId, space);
	if (!state.processes.some((p) => p.id === input.processId && p.integrationPackInstanceId === instance.id)) {
		throw new BoomiError('PLATFORM_CALL_ERROR', `Process '${input.processId}' is not a process of integration pack instance '${instance.id}'`);
	}
	if (!(att.extensions && att.extensions.connections.some((c) => c.id === input.connectionId))) {
		throw new BoomiError('PLATFORM_CALL_ERROR', `Connection '${input.connectionId}' is not an extensible connection of integration pack instance '${instance.id}'`);
	}
	const sameKey = (o) =>
		o.integrationPackInstanceId === instance.id && o.envId === input.envId && o.processId === input.processId && o.connectionId === input.connectionId && o.catalogGuid === input.catalogGuid;
	return { instance, sameKey };
}

// ---- fields --------------------------------------------------------------------------
// Each implementation gets (state, args, ctx, space, sim); space is null for SPACE_EXEMPT fields
// (tagged `# guid: no` in schema.graphql).

const fields = {
	// ---- the six fields of the first schema revision ----

	spaces(state, _args, ctx) {
		return state.spaces.filter((s) => ownerOf(state, s) === ctx.accountId).map((s) => toSpace(state, s));
	},

	space(state, { id }, ctx) {
		const space = findSpace(state, ctx.accountId, id);
		if (!space) throw new BoomiError('SPACE_NOT_FOUND', `Space '${id}' was not found`);
		return toSpace(state, space);
	},

	spaceAccounts(state, { criteria }, _ctx, space) {
		let list = Array.isArray(space.spaceAccounts) ? space.spaceAccounts : [];
		if (criteria) {
			const needle = String(criteria.argument).toLowerCase();
			list = list.filter((a) => {
				const name = String(a.name ?? '').toLowerCase();
				return criteria.operator === 'STARTSWITH' ? name.startsWith(needle) : name.includes(needle);
			});
		}
		return list.map((a) => ({ id: a.id, name: a.name }));
	},

	integrationPackInstances(state, _args, ctx, space) {
		return state.instances
			.filter((i) => ownerOf(state, i) === ctx.accountId && packInSpace(space, i.integrationPackId))
			.map((i) => toInstance(state, i));
	},

	environments(state, _args, ctx, space) {
		const visibleInstances = new Set(
			state.instances
				.filter((i) => ownerOf(state, i) === ctx.accountId && packInSpace(space, i.integrationPackId))
				.map((i) => i.id),
		);
		return state.environments
			.filter((e) => ownerOf(state, e) === ctx.accountId && envInSpace(space, e.id))
			.map((e) => ({
				id: e.id,
				name: e.name,
				classification: e.classification ?? null,
				integrationPackEnvironmentAttachment: state.attachments
					.filter((a) => a.environmentId === e.id && visibleInstances.has(a.integrationPackInstanceId))
					.map((a) => toAttachment(state, a)),
				atoms: e.atoms.map((a) => ({ id: a.id, name: a.name })),
			}));
	},

	integrationPackEnvironmentAttachments(state, { ipackInstanceId, environmentIds }, ctx, space) {
		const instance = findInstance(state, ctx.accountId, ipackInstanceId);
		if (!instance) throw new BoomiError('IPACK_INSTANCE_ID_INVALID', `Integration pack instance '${ipackInstanceId}' was not found`);
		assertInstanceInSpace(instance, space);
		return state.attachments
			.filter(
				(a) =>
					a.integrationPackInstanceId === instance.id &&
					envInSpace(space, a.environmentId) &&
					(!environmentIds || environmentIds.includes(a.environmentId)),
			)
			.map((a) => toAttachment(state, a));
	},

	integrationPackInstanceInstall(state, { input }, ctx) {
		const pack = state.integrationPacks.find((p) => p.id === input.integrationPackId);
		if (!pack) throw new BoomiError('PLATFORM_CALL_ERROR', `Integration pack '${input.integrationPackId}' was not found`);
		const mine = state.instances.filter((i) => ownerOf(state, i) === ctx.accountId && i.integrationPackId === pack.id);
		let overrideName = null;
		if (pack.installationType === 'MULTI') {
			overrideName = typeof input.integrationPackOverrideName === 'string' ? input.integrationPackOverrideName.trim() : '';
			if (!overrideName) {
				throw new BoomiError(
					'PLATFORM_CALL_ERROR',
					`integrationPackOverrideName is required to install multi-install integration pack '${pack.id}'`,
				);
			}
			if (mine.some((i) => i.integrationPackOverrideName === overrideName)) {
				throw new BoomiError(
					'PLATFORM_CALL_ERROR',
					`An instance of integration pack '${pack.id}' named '${overrideName}' is already installed`,
				);
			}
		} else if (mine.length > 0) {
			throw new BoomiError(
				'PLATFORM_CALL_ERROR',
				`Integration pack '${pack.id}' is single-install and is already installed as instance '${mine[0].id}'`,
			);
		}
		const instance = {
			id: encodeInstanceId(state.nextInstanceNumber++),
			integrationPackId: pack.id,
			integrationPackOverrideName: overrideName,
			accountId: ctx.accountId,
		};
		const processes = processesFor(pack, instance.id);
		instance.extensionGroupId = processes.length ? processes[0].id : stableUuid(`extension-group:${instance.id}`);
		state.instances.push(instance);
		state.processes.push(...processes);
		return toInstance(state, instance);
	},

	integrationPackInstanceUninstall(state, { id }, ctx) {
		const instance = findInstance(state, ctx.accountId, id);
		if (!instance) throw new BoomiError('IPACK_INSTANCE_ID_INVALID', `Integration pack instance '${id}' was not found`);
		// In place, so a test holding sim.state.attachments keeps seeing live data.
		for (let i = state.attachments.length - 1; i >= 0; i--) {
			if (state.attachments[i].integrationPackInstanceId === instance.id) state.attachments.splice(i, 1);
		}
		state.instances.splice(state.instances.indexOf(instance), 1);
		// Its processes, schedules and OAuth details go with it; execution history stays (it is history).
		const gone = new Set(state.processes.filter((p) => p.integrationPackInstanceId === instance.id).map((p) => p.id));
		spliceWhere(state.processes, (p) => gone.has(p.id));
		spliceWhere(state.processSchedules, (x) => gone.has(x.processId));
		spliceWhere(state.oauthConnectorDetails, (o) => o.integrationPackInstanceId === instance.id);
		return id;
	},

	integrationPackInstanceEnvironmentAttachmentAttach(state, { input }, ctx, space) {
		const instanceId = input.integrationPackInstanceId;
		const instance = findInstance(state, ctx.accountId, instanceId);
		if (!instance) throw new BoomiError('IPACK_INSTANCE_ID_INVALID', `Integration pack instance '${instanceId}' was not found`);
		assertInstanceInSpace(instance, space);
		const envIds = [...new Set(input.environmentIds ?? [])];
		if (envIds.length === 0) throw new BoomiError('PLATFORM_CALL_ERROR', 'environmentIds must contain at least one environment id');
		// Check everything first: a failed attach changes nothing.
		for (const envId of envIds) {
			if (!findEnvironment(state, ctx.accountId, envId)) {
				throw new BoomiError('PLATFORM_CALL_ERROR', `Environment '${envId}' was not found`);
			}
			assertEnvironmentInSpace(envId, space);
			if (state.attachments.some((a) => a.integrationPackInstanceId === instance.id && a.environmentId === envId)) {
				throw new BoomiError(
					'PLATFORM_CALL_ERROR',
					`Integration pack instance '${instance.id}' is already attached to environment '${envId}'`,
				);
			}
		}
		const pack = state.integrationPacks.find((p) => p.id === instance.integrationPackId);
		const processes = state.processes.filter((p) => p.integrationPackInstanceId === instance.id);
		const created = envIds.map((envId) => ({
			id: encodeAttachmentId(instance.id, envId),
			integrationPackInstanceId: instance.id,
			environmentId: envId,
			environmentExtensions: null,
			// New attachments start with the pack's extensions at their defaults.
			extensions: extensionsFor(pack),
			mapExtensions: mapExtensionsFor(pack, processes),
		}));
		state.attachments.push(...created);
		// The Attach sample answers environmentExtensions: null; integrationPackEnvironmentAttachments shows them.
		// Plain values (no functions): the result is recorded in sim.mutations.
		return created.map((a) => ({
			id: a.id,
			environmentId: a.environmentId,
			integrationPackInstanceId: a.integrationPackInstanceId,
			environmentExtensions: null,
			environmentMapExtension: environmentMapExtensionTexts(state, a),
		}));
	},

	integrationPackInstanceEnvironmentAttachmentUnattach(state, { id }, ctx, space) {
		// Exact string comparison: the id is never trimmed, decoded or normalised.
		const att = state.attachments.find((a) => a.id === id && attachmentOwner(state, a) === ctx.accountId);
		if (att) {
			const instance = findInstance(state, ctx.accountId, att.integrationPackInstanceId);
			if (instance) assertInstanceInSpace(instance, space);
			assertEnvironmentInSpace(att.environmentId, space);
			removeAttachment(state, att);
			return att.id;
		}
		// The Boomi page names the *instance* id: accept it when it is unambiguous.
		const instance = findInstance(state, ctx.accountId, id);
		if (instance) {
			assertInstanceInSpace(instance, space);
			const attached = state.attachments.filter((a) => a.integrationPackInstanceId === instance.id);
			if (attached.length === 0) {
				throw new BoomiError('PLATFORM_CALL_ERROR', `Integration pack instance '${id}' is not attached to any environment`);
			}
			if (attached.length > 1) {
				throw new BoomiError(
					'PLATFORM_CALL_ERROR',
					`Integration pack instance '${id}' is attached to ${attached.length} environments; ` +
						'unattach by environment attachment id (see integrationPackEnvironmentAttachments)',
				);
			}
			assertEnvironmentInSpace(attached[0].environmentId, space);
			removeAttachment(state, attached[0]);
			return attached[0].id;
		}
		throw new BoomiError('IPACK_INSTANCE_ID_INVALID', `Integration pack environment attachment '${id}' was not found`);
	},

	// ---- revision 2: the remaining Spaces operations ----

	// The guide's request form `Space(id:)` (deprecated twin of `space`).
	Space(state, args, ctx) {
		return fields.space(state, args, ctx);
	},

	spaceCreate(state, { input }, ctx) {
		const name = checkSpaceName(input.name);
		if (typeof input.accountGroupId !== 'string' || input.accountGroupId === '') throw new BoomiError('MISSING_ACCT_GRP_ID', 'accountGroupId is required');
		const group = state.accountGroups.find((g) => g.id === input.accountGroupId && ownerOf(state, g) === ctx.accountId);
		if (!group) throw new BoomiError('PLATFORM_CALL_ERROR', `Account group '${input.accountGroupId}' was not found`);
		if (state.spaces.some((s) => s.accountGroup && s.accountGroup.id === group.id)) {
			throw new BoomiError('SPACE_EXISTS_FOR_ACCT_GRP', `Account group '${group.id}' already has a Space`);
		}
		const groupPacks = Array.isArray(group.integrationPackIds) ? group.integrationPackIds : state.integrationPacks.map((p) => p.id);
		const packIds = [...new Set((input.integrationPackIds ?? []).filter((id) => id !== null))];
		for (const id of packIds) {
			if (!groupPacks.includes(id)) throw new BoomiError('PLATFORM_CALL_ERROR', `Integration pack '${id}' is not shared with account group '${group.id}'`);
		}
		const groupAccounts = Array.isArray(group.accounts) ? group.accounts : [];
		let spaceAccounts = groupAccounts;
		if (Array.isArray(input.accountIds)) {
			spaceAccounts = input.accountIds.filter((id) => id !== null).map((id) => {
				const account = groupAccounts.find((a) => a.id === id);
				if (!account) throw new BoomiError('PLATFORM_CALL_ERROR', `Account '${id}' is not in account group '${group.id}'`);
				return account;
			});
		}
		const theme = checkTheme(input.theme);
		const id = crypto.randomUUID();
		const space = {
			id,
			name,
			description: input.description ?? null,
			accountId: ctx.accountId,
			createdDate: boomiDate(),
			createdByAccountId: ctx.accountId,
			modifiedDate: null,
			modifiedByAccountId: null,
			url: `https://space.boomi.com?guid=${id}`,
			accountGroup: { id: group.id, name: group.name },
			theme: theme ? { logoAltTxt: theme.logoAltTxt, logoUrl: null } : null,
			integrationPackIds: packIds,
			spaceAccounts: spaceAccounts.map((a) => ({ id: a.id, name: a.name })),
		};
		state.spaces.push(space);
		return toSpace(state, space);
	},

	spaceUpdate(state, { input }, ctx) {
		const space = ownedSpace(state, ctx.accountId, input.id);
		const name = checkSpaceName(input.name);
		const theme = checkTheme(input.theme);
		space.name = name;
		if (input.description !== undefined) space.description = input.description;
		if (theme) space.theme = { logoAltTxt: theme.logoAltTxt, logoUrl: space.theme ? space.theme.logoUrl ?? null : null };
		space.modifiedDate = boomiDate();
		space.modifiedByAccountId = ctx.accountId;
		return toSpace(state, space);
	},

	spaceDelete(state, { id }, ctx) {
		const space = ownedSpace(state, ctx.accountId, id);
		state.spaces.splice(state.spaces.indexOf(space), 1);
		return true;
	},

	spaceArtifactListings(state, { input }, ctx) {
		const space = ownedSpace(state, ctx.accountId, input.spaceId);
		let listings = packsInSpace(state, space).map((pack) => ({
			id: stableUuid(`listing:${space.id}:${pack.id}`),
			spaceId: space.id,
			spaceArtifact: { spaceArtifactType: 'INTEGRATION_PACK', spaceArtifactId: pack.id },
			spaceArtifactListingMetaData: {
				catalogArtifactMetaData: JSON.stringify({ name: pack.name, description: pack.description ?? null, installationType: pack.installationType ?? null }),
			},
			submissionStatus: { __typename: 'ArtifactSubmissionStatus', spaceArtifactStatus: 'PUBLISHED' },
			lastSubmittedDate: spaceDateToIso(space.createdDate),
			reviewerUserId: null,
			statusLastModifiedDate: spaceDateToIso(space.createdDate),
			createdDate: spaceDateToIso(space.createdDate),
			createdByAccountId: space.createdByAccountId ?? null,
			createdByUserId: null,
			lastModifiedDate: spaceDateToIso(space.modifiedDate ?? space.createdDate),
			modifiedByAccountId: space.modifiedByAccountId ?? null,
			modifiedByUserId: null,
			lastSubmittedByUserId: null,
		}));
		if (Array.isArray(input.spaceArtifactListingIds)) {
			const wanted = input.spaceArtifactListingIds;
			const known = new Set(listings.map((l) => l.id));
			const missing = wanted.find((id) => !known.has(id));
			if (missing !== undefined) throw new BoomiError('ARTIFACT_NOT_IN_SPACE', `Listing '${missing}' is not in Space '${space.id}'`);
			listings = listings.filter((l) => wanted.includes(l.id));
		}
		return { numberOfResults: listings.length, currentPageSize: listings.length, spaceArtifactsData: listings };
	},

	integrationPackInstanceProcesses(state, { integrationPackInstanceId }, ctx, space) {
		const instance = instanceInSpace(state, ctx, space, integrationPackInstanceId);
		const processes = state.processes.filter((p) => p.integrationPackInstanceId === instance.id);
		const atoms = deployedAtoms(state, instance, space);
		const ref = [{ integrationPackId: instance.integrationPackId, integrationPackInstanceId: instance.id }];
		// One entry per process and atom it is deployed to; a process deployed nowhere has no schedules.
		return processes.flatMap((p) =>
			(atoms.length ? atoms : [null]).map((x) => ({
				id: p.id,
				name: p.name,
				integrationPack: ref.map((r) => ({ ...r })),
				processSchedules: x ? storedSchedules(state, p.id, x.atom.id, x.env.id) : null,
			})),
		);
	},

	processSchedulesUpdate(state, { processSchedules, processSchedulesId }, ctx, space) {
		requireText(processSchedulesId, 'processSchedulesId');
		const doc = parseJsonText(processSchedules, 'processSchedules');
		if (doc.id !== undefined && doc.id !== processSchedulesId) {
			throw new BoomiError('PLATFORM_CALL_ERROR', `The id in processSchedules ('${doc.id}') differs from processSchedulesId ('${processSchedulesId}')`);
		}
		let target = null;
		for (const p of state.processes) {
			const found = findProcess(state, ctx.accountId, p.id);
			if (!found) continue;
			for (const x of deployedAtoms(state, found.instance, null)) {
				if (encodeProcessSchedulesId(x.atom.id, p.id) === processSchedulesId) target = { ...found, atom: x.atom, env: x.env };
			}
		}
		if (!target) throw new BoomiError('PLATFORM_CALL_ERROR', `ProcessSchedules '${processSchedulesId}' was not found`);
		assertInstanceInSpace(target.instance, space);
		assertEnvironmentInSpace(target.env.id, space);
		for (const key of ['processId', 'atomId']) {
			const expected = key === 'processId' ? target.process.id : target.atom.id;
			if (doc[key] !== undefined && doc[key] !== expected) {
				throw new BoomiError('PLATFORM_CALL_ERROR', `${key} '${doc[key]}' does not match ProcessSchedules '${processSchedulesId}'`);
			}
		}
		// The Platform API object uses capitalised Schedule / Retry [sample]; lower case is accepted too.
		const scheduleIn = doc.Schedule !== undefined ? doc.Schedule : doc.schedule;
		const retryIn = doc.Retry !== undefined ? doc.Retry : doc.retry;
		const schedule = asList(scheduleIn).map((e, i) => normaliseSchedule(e, `Schedule[${i}]`));
		const current = storedSchedules(state, target.process.id, target.atom.id, target.env.id);
		let retry = current.retry;
		if (retryIn !== undefined && retryIn !== null) {
			const retrySchedule = asList(retryIn.Schedule !== undefined ? retryIn.Schedule : retryIn.schedule).map((e, i) => normaliseSchedule(e, `Retry.Schedule[${i}]`));
			const maxRetry = retryIn.maxRetry === undefined ? 5 : Number(retryIn.maxRetry);
			if (!Number.isInteger(maxRetry) || maxRetry < 1 || maxRetry > 5) throw new BoomiError('PLATFORM_CALL_ERROR', 'Retry.maxRetry must be an integer from 1 to 5');
			retry = { schedule: retrySchedule, maxRetry };
		}
		const stored = { id: processSchedulesId, processId: target.process.id, atomId: target.atom.id, schedule, retry };
		const index = state.processSchedules.findIndex((x) => x.id === processSchedulesId);
		if (index >= 0) state.processSchedules[index] = stored;
		else state.processSchedules.push(stored);
		return storedSchedules(state, target.process.id, target.atom.id, target.env.id);
	},

	processExecute(state, { input }, ctx, space, sim) {
		requireText(input.atomId, 'atomId');
		requireText(input.processId, 'processId');
		const { process, instance } = processInSpace(state, ctx, space, input.processId);
		const deployed = deployedAtoms(state, instance, null).find((x) => x.atom.id === input.atomId);
		if (!deployed) throw new BoomiError('PLATFORM_CALL_ERROR', `Process '${process.id}' is not deployed to atom '${input.atomId}'`);
		assertEnvironmentInSpace(deployed.env.id, space);
		const record = sim._startExecution(process, deployed.atom, ctx.accountId);
		return JSON.stringify({
			'@type': 'ExecutionRequest',
			processId: process.id,
			atomId: deployed.atom.id,
			requestId: record.requestId,
			recordUrl: `https://platform.boomi.com/api/rest/v1/${ctx.accountId}/ExecutionRecord/async/${record.requestId}`,
		});
	},

	executionHistory(state, { input }, ctx, space) {
		requireText(input.processId, 'processId');
		const { process } = processInSpace(state, ctx, space, input.processId);
		const since = typeof input.executionTime === 'string' ? Date.parse(input.executionTime) : NaN;
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(String(input.executionTime)) || Number.isNaN(since)) {
			throw new BoomiError('PLATFORM_CALL_ERROR', `executionTime '${input.executionTime}' is not a date of the form yyyy-MM-dd'T'HH:mm:ss'Z'`);
		}
		settleExecutions(state);
		// executionTime is a lower bound [inferred from the sample]; oldest first.
		return state.executions
			.map((r, index) => ({ r, index }))
			.filter(({ r }) => r.processId === process.id && r.status === input.status && Date.parse(r.executionTime) >= since)
			.sort((x, y) => Date.parse(x.r.executionTime) - Date.parse(y.r.executionTime) || x.index - y.index)
			.map(({ r }) => executionJson(state, r));
	},

	extensionsUpdate(state, { input }, ctx, space) {
		if (input.length === 0) throw new BoomiError('PLATFORM_CALL_ERROR', 'input must contain at least one ExtensionInput');
		const all = accountAttachments(state, ctx.accountId).filter(({ a }) => a.extensions);
		// Check everything first: a failed update changes nothing.
		const plan = input.map((item, i) => {
			requireText(item.envExtensionId, `input[${i}].envExtensionId`);
			const found = all.find(({ a, instance }) => envExtensionIdOf(a, instance) === item.envExtensionId);
			if (!found) throw new BoomiError('PLATFORM_CALL_ERROR', `EnvironmentExtensions '${item.envExtensionId}' was not found`);
			assertInstanceInSpace(found.instance, space);
			assertEnvironmentInSpace(found.a.environmentId, space);
			const doc = parseJsonText(item.extensions, `input[${i}].extensions`);
			for (const [key, expected] of [['id', item.envExtensionId], ['environmentId', found.a.environmentId], ['extensionGroupId', found.instance.extensionGroupId]]) {
				if (doc[key] !== undefined && doc[key] !== expected) {
					throw new BoomiError('PLATFORM_CALL_ERROR', `extensions.${key} '${doc[key]}' does not match EnvironmentExtensions '${item.envExtensionId}'`);
				}
			}
			const draft = structuredClone(found.a.extensions);
			applyExtensions(draft, doc, doc.partial === true || doc.partial === 'true', item.envExtensionId);
			return { found, draft };
		});
		return plan.map(({ found, draft }) => {
			found.a.extensions = draft;
			return JSON.stringify(envExtensionsDoc(found.a, found.instance));
		});
	},

	extendedMappersUpdate(state, { input }, ctx, space) {
		if (input.length === 0) throw new BoomiError('PLATFORM_CALL_ERROR', 'input must contain at least one ExtensionInput');
		const all = accountAttachments(state, ctx.accountId).flatMap(({ a, instance }) =>
			(a.mapExtensions || []).map((m, index) => (m ? { a, instance, m, index } : null)).filter(Boolean),
		);
		const plan = input.map((item, i) => {
			requireText(item.envExtensionId, `input[${i}].envExtensionId`);
			const found = all.find(({ a, instance, m }) => mapExtensionIdOf(a, instance, m) === item.envExtensionId);
			if (!found) throw new BoomiError('PLATFORM_CALL_ERROR', `EnvironmentMapExtension '${item.envExtensionId}' was not found`);
			assertInstanceInSpace(found.instance, space);
			assertEnvironmentInSpace(found.a.environmentId, space);
			const doc = parseJsonText(item.extensions, `input[${i}].extensions`);
			if (doc.id !== undefined && doc.id !== item.envExtensionId) {
				throw new BoomiError('PLATFORM_CALL_ERROR', `extensions.id '${doc.id}' does not match EnvironmentMapExtension '${item.envExtensionId}'`);
			}
			if (!doc.Map || typeof doc.Map !== 'object') throw new BoomiError('PLATFORM_CALL_ERROR', `input[${i}].extensions has no Map`);
			const from = new Set(found.m.source.nodes.map((n) => n.xpath));
			const to = new Set(found.m.destination.nodes.map((n) => n.xpath));
			const mappings = asList(doc.Map.ExtendedMappings && doc.Map.ExtendedMappings.Mapping).map((x, j) => {
				if (!x || !from.has(x.fromXPath)) throw new BoomiError('PLATFORM_CALL_ERROR', `Mapping[${j}].fromXPath '${x && x.fromXPath}' is not in the source profile`);
				if (!to.has(x.toXPath)) throw new BoomiError('PLATFORM_CALL_ERROR', `Mapping[${j}].toXPath '${x.toXPath}' is not in the destination profile`);
				return { fromXPath: x.fromXPath, toXPath: x.toXPath };
			});
			return { found, mappings };
		});
		return plan.map(({ found, mappings }) => {
			found.m.mappings = mappings;
			return JSON.stringify(mapExtensionDoc(found.a, found.instance, found.m));
		});
	},

	saveIPackInstanceOauthConnectorDetails(state, { input }, ctx, space) {
		const { sameKey } = oauthTarget(state, ctx, space, input);
		requireText(input.clientId, 'clientId', 'GENERIC_SYSTEM_ERROR');
		requireText(input.clientSecret, 'clientSecret', 'GENERIC_SYSTEM_ERROR');
		parseJsonText(input.oauthConnectorDetails, 'oauthConnectorDetails', 'GENERIC_SYSTEM_ERROR');
		let record = state.oauthConnectorDetails.find(sameKey);
		if (!record) {
			record = { id: crypto.randomUUID() };
			state.oauthConnectorDetails.push(record);
		}
		Object.assign(record, {
			integrationPackInstanceId: input.integrationPackInstanceId,
			envId: input.envId,
			processId: input.processId,
			connectionId: input.connectionId,
			catalogGuid: input.catalogGuid,
			isTokenGenerated: input.isTokenGenerated,
			oauthConnectorDetails: input.oauthConnectorDetails,
			clientId: input.clientId,
			// The page: "The dummyClientSecret value is stored for the clientSecret rather than the actual user-entered client secret".
			clientSecret: 'dummyClientSecret',
		});
		return oauthJson(record);
	},

	IPackInstanceOAuthConnectorDetails(state, { input }, ctx, space) {
		const { sameKey } = oauthTarget(state, ctx, space, input);
		const record = state.oauthConnectorDetails.find(sameKey);
		return record ? oauthJson(record) : null;
	},
};

/**
 * Builds the graphql rootValue. `sim` supplies state, options, token bucket,
 * field faults and the mutation log; `ctx` (graphql contextValue) is per request:
 * { accountId, spaceGuid, operationName, record, rateMode }.
 */
function makeRootValue(sim) {
	const missing = ROOT_FIELDS.filter((name) => typeof fields[name] !== 'function');
	const extra = Object.keys(fields).filter((name) => !ROOT_FIELDS.includes(name));
	if (missing.length || extra.length) {
		throw new Error(`resolvers.js and schema.graphql disagree: no resolver for [${missing.join(', ')}], no schema field for [${extra.join(', ')}]`);
	}
	const root = {};
	for (const name of ROOT_FIELDS) {
		const impl = fields[name];
		const isMutation = MUTATION_FIELDS.has(name);
		root[name] = async (args, ctx, info) => {
			// Field mode: each platform call takes its own token; the rest of the document still runs.
			if (ctx.rateMode === 'field' && !sim._takeTokens(ctx.accountId, 1)) {
				ctx.record.throttled = true;
				throw new BoomiError('PLATFORM_CALL_ERROR', RATE_LIMIT_TEXT);
			}
			const fieldFault = sim._takeFieldFault(name, info.path.key, ctx.operationName);
			if (fieldFault) {
				ctx.record.fault = true;
				throw new BoomiError(fieldFault.code ?? 'GENERIC_SYSTEM_ERROR', fieldFault.message ?? 'Injected field fault');
			}
			const cost = sim.options.fieldCostMs;
			if (cost > 0) await new Promise((r) => setTimeout(r, cost));
			const state = sim.state;
			const space = SPACE_EXEMPT.has(name) ? null : requireSpace(state, ctx, name);
			const result = impl(state, args, ctx, space, sim);
			if (isMutation) {
				sim.mutations.push({
					field: name,
					responseKey: info.path.key,
					args: structuredClone({ ...args }),
					result: structuredClone(result),
					at: Date.now(),
					accountId: ctx.accountId,
					spaceGuid: ctx.spaceGuid,
					operationName: ctx.operationName,
				});
			}
			return result;
		};
	}
	return root;
}

module.exports = {
	BoomiError,
	makeRootValue,
	RATE_LIMIT_TEXT,
	SPACE_EXEMPT,
	MUTATION_FIELDS,
	EXECUTION_STATUSES,
	DEFAULT_OUTCOME,
	fields,
	settleExecutions,
	executionJson,
	isoSeconds,
};
