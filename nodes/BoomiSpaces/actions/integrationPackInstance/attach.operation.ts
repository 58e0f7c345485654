import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asList } from '../listResults';
import { describeValue, integrationPackInstanceLocator, readLocatorId } from '../resourceLocator';
import { environmentIdsCollection, readEnvironmentIds } from './environmentIds';
import type { Judgement, SpaceLists } from '../judging';
import { ENVIRONMENTS_LIST, INSTANCES_LIST, findById, listedAttachments, namesOf } from '../judging';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

export const document: GraphQLDocument = {
	operationName: 'AttachIntegrationPackInstance',
	field: 'integrationPackInstanceEnvironmentAttachmentAttach',
	query: /* GraphQL */ `mutation AttachIntegrationPackInstance($input: IntegrationPackEnvironmentAttachmentInput!) {
  integrationPackInstanceEnvironmentAttachmentAttach(input: $input) {
    id
    environmentId
    integrationPackInstanceId
    environmentExtensions
  }
}`,
};

export const properties: INodeProperties[] = [
	integrationPackInstanceLocator(
		'The installed integration pack instance to attach, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
	),
	environmentIdsCollection({
		required: true,
		description:
			'The environments to attach the instance to, at least one. Each entry takes one environment ID; an expression in an entry may also give several, as an array or as comma-separated text. Get Many on Environment lists the environment IDs.',
		entryDescription:
			'An environment of the Space to attach the instance to: its ID (a UUID), as listed by Get Many on Environment. Sent to Boomi unchanged.',
	}),
];

const FIX_ENVIRONMENTS =
	'add at least one entry under "Environments" holding an environment ID (an expression may give an array of IDs or comma-separated IDs).';

/** The environment ids of an item, in order, without repeats; at least one. */
function readEnvironmentIdsToAttach(this: IExecuteFunctions, itemIndex: number): string[] {
	const ids = readEnvironmentIds.call(this, itemIndex, `every entry under "Environments" needs an environment ID: ${FIX_ENVIRONMENTS}`);
	if (ids.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No environment to attach to', {
			itemIndex,
			description: `Item ${itemIndex}: ${FIX_ENVIRONMENTS}`,
		});
	}
	return ids;
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const integrationPackInstanceId = readLocatorId.call(this, 'integrationPackInstanceId', itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance to attach.',
	});
	return { input: { integrationPackInstanceId, environmentIds: readEnvironmentIdsToAttach.call(this, itemIndex) } };
}

/** One item per attachment Boomi created; `id` is the attachment ID that Unattach takes. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	const attachments = asList(data);
	if (attachments.length === 0) {
		const input = vars.input as IDataObject;
		throw new Error(
			`Boomi answered the attach without any attachment (no GraphQL error either) for environments ${describeValue(
				(input.environmentIds as string[]).join(', '),
			)}. Check the instance's environments in Boomi before attaching again.`,
		);
	}
	return attachments.map((attachment) => ({
		id: attachment.id ?? null,
		integrationPackInstanceId: attachment.integrationPackInstanceId ?? null,
		environmentId: attachment.environmentId ?? null,
		environmentExtensions: attachment.environmentExtensions ?? null,
	}));
}

export const attach = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;

/**
 * Dry Run / Succeed If Already Done: "already attached" when the instance and
 * every requested environment are listed and the instance is attached to all
 * of them; attached to some is `partlyDone` (still an error for a re-run,
 * naming which are attached).
 */
export function judge(vars: IDataObject, _settings: IDataObject, lists: SpaceLists): Judgement {
	const input = vars.input as IDataObject;
	const instanceId = input.integrationPackInstanceId as string;
	const environmentIds = input.environmentIds as string[];
	const fields: IDataObject = { integrationPackInstanceId: instanceId, environmentIds, ...namesOf(lists, instanceId) };
	const missing = [
		findById(lists.instances, instanceId) ? '' : `${INSTANCES_LIST} does not list instance ${instanceId}`,
		...environmentIds.map((environmentId) => (findById(lists.environments, environmentId) ? '' : `${ENVIRONMENTS_LIST} does not list environment ${environmentId}`)),
	].filter(Boolean);
	if (missing.length > 0) return { state: 'unknownId', evidence: missing.join('; '), fields };
	const attachments = listedAttachments(lists).filter((attachment) => attachment.integrationPackInstanceId === instanceId);
	const existing = environmentIds.map((environmentId) => attachments.find((attachment) => attachment.environmentId === environmentId));
	const attached = environmentIds.filter((_, position) => existing[position]);
	const notAttached = environmentIds.filter((_, position) => !existing[position]);
	const detail = { ...fields, alreadyAttached: attached, wouldAttach: notAttached };
	if (notAttached.length === 0) {
		return {
			state: 'alreadyDone',
			evidence: `${ENVIRONMENTS_LIST} shows the instance attached to ${attached.length === 1 ? 'the environment' : `all ${attached.length} environments`} (${attached.join(', ')})`,
			fields: detail,
			done: existing.map((attachment) => ({
				id: attachment!.id,
				integrationPackInstanceId: instanceId,
				environmentId: attachment!.environmentId,
				environmentExtensions: null,
				...namesOf(lists, instanceId, attachment!.environmentId),
			})),
		};
	}
	if (attached.length > 0) {
		return {
			state: 'partlyDone',
			evidence: `${ENVIRONMENTS_LIST} shows the instance already attached to ${attached.join(', ')} but not to ${notAttached.join(', ')}; attach it to those only`,
			fields: detail,
		};
	}
	return { state: 'wouldApply', evidence: `${ENVIRONMENTS_LIST} shows the instance attached to none of these environments`, fields: detail };
}
