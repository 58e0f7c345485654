'use strict';
// Id encodings observed in Boomi's doc samples (see ../shared/boomi-spaces/README.md,
// "Ids seen in samples").
// They are unpadded standard base64 (not base64url): the Unattach page's sample
// response `QVRUQUNIX0lQQUNLX0VOVlNXNTBa...` decodes to
// `ATTACH_IPACK_ENV` + <instance id> + `:` + <environment id>, and the instance id
// itself decodes to `IntegrationPackInstance<N>`. The encodings are observed,
// not contractual, so the simulator only uses them to mint ids; resolvers look
// ids up byte-for-byte and never decode what clients send.

const INSTANCE_PREFIX = 'IntegrationPackInstance';
const ATTACHMENT_PREFIX = 'ATTACH_IPACK_ENV';

function encodeBase64Unpadded(text) {
	return Buffer.from(String(text), 'utf8').toString('base64').replace(/=+$/, '');
}

/**
 * Strict inverse of encodeBase64Unpadded: returns null unless `value` is
 * canonical unpadded base64 of valid UTF-8 (Buffer.from would otherwise
 * silently skip junk characters and "decode" anything).
 */
function decodeBase64Unpadded(value) {
	if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*$/.test(value) || value.length % 4 === 1) return null;
	const text = Buffer.from(value, 'base64').toString('utf8');
	return encodeBase64Unpadded(text) === value ? text : null;
}

/** encodeInstanceId(34486) → 'SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng' */
function encodeInstanceId(n) {
	return encodeBase64Unpadded(INSTANCE_PREFIX + n);
}

/** Returns N for an id of the observed instance form, else null. */
function decodeInstanceId(id) {
	const text = decodeBase64Unpadded(id);
	if (text === null || !text.startsWith(INSTANCE_PREFIX)) return null;
	const rest = text.slice(INSTANCE_PREFIX.length);
	return /^\d+$/.test(rest) ? Number(rest) : null;
}

function encodeAttachmentId(instanceId, environmentId) {
	return encodeBase64Unpadded(ATTACHMENT_PREFIX + instanceId + ':' + environmentId);
}

/** Returns { instanceId, environmentId } for an id of the observed attachment form, else null. */
function decodeAttachmentId(id) {
	const text = decodeBase64Unpadded(id);
	if (text === null || !text.startsWith(ATTACHMENT_PREFIX)) return null;
	const rest = text.slice(ATTACHMENT_PREFIX.length);
	// Instance ids are base64 (no ':'), environment ids are UUIDs: split on the first ':'.
	const colon = rest.indexOf(':');
	if (colon <= 0 || colon === rest.length - 1) return null;
	return { instanceId: rest.slice(0, colon), environmentId: rest.slice(colon + 1) };
}

/** processSchedules id: base64("CPS" + atomId + ":" + processId) [sample]. */
function encodeProcessSchedulesId(atomId, processId) {
	return encodeBase64Unpadded('CPS' + atomId + ':' + processId);
}

/** EnvironmentExtensions id (extensionsUpdate's envExtensionId): base64(environmentId + ":" + extensionGroupId) [sample]. */
function encodeEnvExtensionId(environmentId, extensionGroupId) {
	return encodeBase64Unpadded(environmentId + ':' + extensionGroupId);
}

/** EnvironmentMapExtension id: base64(environmentId + ":" + extensionGroupId + ":" + processId + ":" + mapId) [sample]. */
function encodeMapExtensionId(environmentId, extensionGroupId, processId, mapId) {
	return encodeBase64Unpadded([environmentId, extensionGroupId, processId, mapId].join(':'));
}

/** A UUID-shaped id derived from a label: stable across runs, so seeds and minted ids are predictable. */
function stableUuid(label) {
	const h = require('crypto').createHash('sha1').update(String(label)).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

module.exports = {
	encodeProcessSchedulesId,
	encodeEnvExtensionId,
	encodeMapExtensionId,
	stableUuid,
	encodeBase64Unpadded,
	decodeBase64Unpadded,
	encodeInstanceId,
	decodeInstanceId,
	encodeAttachmentId,
	decodeAttachmentId,
};
