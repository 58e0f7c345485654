'use strict';
// The Boomi domain behind the GraphQL fields: real state changes on `sim.state`,
// Boomi-looking errors. Every root field is wrapped by makeRootValue so that
// the per-platform-call concerns (field-mode rate limiting, field faults,
// fieldCostMs, the SPACE_GUID check, mutation recording) live in one place.

const { encodeInstanceId, encodeAttachmentId } = require('./ids');

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

// The Install and Uninstall pages omit SPACE_GUID; spaces/space are how a client finds one.
const SPACE_EXEMPT = new Set(['integrationPackInstanceInstall', 'integrationPackInstanceUninstall', 'spaces', 'space']);

const MUTATION_FIELDS = new Set([
	'integrationPackInstanceInstall',
	'integrationPackInstanceUninstall',
	'integrationPackInstanceEnvironmentAttachmentAttach',
	'integrationPackInstanceEnvironmentAttachmentUnattach',
]);

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

function toAttachment(a) {
	return {
		id: a.id,
		environmentId: a.environmentId,
		integrationPackInstanceId: a.integrationPackInstanceId,
		environmentExtensions: a.environmentExtensions ?? null,
		environmentMapExtension: a.environmentMapExtension ? [...a.environmentMapExtension] : [],
	};
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

function toSpace(s) {
	return {
		id: s.id,
		name: s.name,
		description: s.description ?? null,
		createdDate: s.createdDate ?? null,
		createdByAccountId: s.createdByAccountId ?? null,
		modifiedDate: s.modifiedDate ?? null,
		modifiedByAccountId: s.modifiedByAccountId ?? null,
		url: s.url ?? null,
		accountGroup: s.accountGroup ? { ...s.accountGroup } : null,
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

// ---- fields --------------------------------------------------------------------------
// Each implementation gets (state, args, ctx, space); space is null for SPACE_EXEMPT fields.

const fields = {
	spaces(state, _args, ctx) {
		return state.spaces.filter((s) => ownerOf(state, s) === ctx.accountId).map(toSpace);
	},

	space(state, { id }, ctx) {
		const space = findSpace(state, ctx.accountId, id);
		if (!space) throw new BoomiError('SPACE_NOT_FOUND', `Space '${id}' was not found`);
		return toSpace(space);
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
					.map(toAttachment),
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
			.map(toAttachment);
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
		state.instances.push(instance);
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
		const created = envIds.map((envId) => ({
			id: encodeAttachmentId(instance.id, envId),
			integrationPackInstanceId: instance.id,
			environmentId: envId,
			environmentExtensions: null,
		}));
		state.attachments.push(...created);
		return created.map(toAttachment);
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
};

/**
 * Builds the graphql rootValue. `sim` supplies state, options, token bucket,
 * field faults and the mutation log; `ctx` (graphql contextValue) is per request:
 * { accountId, spaceGuid, operationName, record, rateMode }.
 */
function makeRootValue(sim) {
	const root = {};
	for (const [name, impl] of Object.entries(fields)) {
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
			const result = impl(state, args, ctx, space);
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

module.exports = { BoomiError, makeRootValue, RATE_LIMIT_TEXT, SPACE_EXEMPT, MUTATION_FIELDS };
