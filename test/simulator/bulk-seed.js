'use strict';
// The default dataset plus `count` extra instances of the multi-install Order
// Sync pack, each attached to the Test environment: one detachable attachment
// per item for router tests and the benchmark. They carry no extensions
// (extensions: null, no map extensions) so that tens of thousands of them stay
// as light as before the simulator modelled extensions.
const { encodeInstanceId, encodeAttachmentId } = require('./ids');
const { defaultSeed, ids } = require('./seed');

const FIRST_BULK_INSTANCE = 50001;

function bulkSeed(count) {
	const seed = defaultSeed();
	for (let n = 0; n < count; n++) {
		const instanceId = encodeInstanceId(FIRST_BULK_INSTANCE + n);
		seed.instances.push({
			id: instanceId,
			integrationPackId: ids.PACK_ORDER_SYNC,
			integrationPackOverrideName: `Order Sync - Customer ${String(n + 1).padStart(5, '0')}`,
		});
		seed.attachments.push({
			id: encodeAttachmentId(instanceId, ids.ENV_TEST),
			integrationPackInstanceId: instanceId,
			environmentId: ids.ENV_TEST,
			environmentExtensions: null,
			extensions: null,
			mapExtensions: [],
		});
	}
	seed.nextInstanceNumber = FIRST_BULK_INSTANCE + count;
	return seed;
}

/** The attachment ids bulkSeed(count) adds, in order. */
function bulkAttachmentIds(count) {
	const result = [];
	for (let n = 0; n < count; n++) result.push(encodeAttachmentId(encodeInstanceId(FIRST_BULK_INSTANCE + n), ids.ENV_TEST));
	return result;
}

module.exports = { bulkSeed, bulkAttachmentIds };
