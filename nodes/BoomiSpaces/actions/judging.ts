import type { IDataObject } from 'n8n-workflow';

import { asList } from './listResults';

/**
 * What the judges of Dry Run and Succeed If Already Done share (evidence.ts
 * reads the lists; each mutation's `judge()` sits next to it and reads only these).
 */

/** The lists a judge may read, by the display name of the operation that reads them. */
export const INSTANCES_LIST = 'Integration Pack Instance › Get Many';
export const ENVIRONMENTS_LIST = 'Environment › Get Many';

export interface SpaceLists {
	/** `integrationPackInstances`, as Boomi sent it (`id`, `integrationPackOverrideName`, `integrationPack`). */
	instances: IDataObject[];
	/** `environments`, as Boomi sent it (`id`, `name`, `classification`, `integrationPackEnvironmentAttachment`). */
	environments: IDataObject[];
}

export type ListName = keyof SpaceLists;

/**
 * - `wouldApply`: nothing shows the change in place; Boomi would be asked to make it.
 * - `alreadyDone`: the lists show the change in place.
 * - `partlyDone`: part of it is in place (Attach: some of the environments).
 * - `unknownId`: an ID names nothing the lists show.
 * - `wouldFail`: the lists show Boomi would refuse it for another reason (a multi-install pack without a name).
 */
export type JudgedState = 'wouldApply' | 'alreadyDone' | 'partlyDone' | 'unknownId' | 'wouldFail';

export interface Judgement {
	state: JudgedState;
	/** Which list showed what, in words. */
	evidence: string;
	/** What the item targets (ids, names), for the dry-run output. */
	fields: IDataObject;
	/** `alreadyDone` only: the items a successful run would have output, from the lists. */
	done?: IDataObject[];
}

export interface Judge {
	/** The verb of the dry-run output: detach, uninstall, attach, install. */
	action: string;
	needs: ListName[];
	judge(variables: IDataObject, settings: IDataObject, lists: SpaceLists): Judgement;
}

// ---- shared by the judges ----------------------------------------------------------

/** An instance's name as the pickers show it: its override name, else its pack's name. */
export function instanceName(instance: IDataObject | undefined): string | undefined {
	if (!instance) return undefined;
	const pack = instance.integrationPack as IDataObject | null | undefined;
	const name = instance.integrationPackOverrideName ?? pack?.name;
	return typeof name === 'string' && name !== '' ? name : undefined;
}

export interface ListedAttachment {
	id: string;
	integrationPackInstanceId: string;
	environmentId: string;
}

/** Every attachment Environment › Get Many shows, flattened. */
export function listedAttachments(lists: SpaceLists): ListedAttachment[] {
	return lists.environments.flatMap((environment) =>
		asList(environment.integrationPackEnvironmentAttachment).map((attachment) => ({
			id: String(attachment.id ?? ''),
			integrationPackInstanceId: String(attachment.integrationPackInstanceId ?? ''),
			environmentId: String(attachment.environmentId ?? environment.id ?? ''),
		})),
	);
}

export function findById(list: IDataObject[], id: unknown): IDataObject | undefined {
	return list.find((entry) => entry.id === id);
}

/** Names for the output, only those the lists know. */
export function namesOf(lists: SpaceLists, instanceId: unknown, environmentId?: unknown): IDataObject {
	const names: IDataObject = {};
	const instance = instanceName(findById(lists.instances, instanceId));
	if (instance) names.instanceName = instance;
	if (environmentId !== undefined) {
		const environment = findById(lists.environments, environmentId)?.name;
		if (typeof environment === 'string' && environment) names.environmentName = environment;
	}
	return names;
}
