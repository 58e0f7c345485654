import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BoomiEndpoints } from '../transport/endpoints';
import type { GraphQLError } from '../transport';
import { forItem, requestData } from '../transport';
import { document as environmentsDocument } from './environment/getMany.operation';
import { judge as judgeAttach } from './integrationPackInstance/attach.operation';
import { document as instancesDocument } from './integrationPackInstance/getMany.operation';
import { judge as judgeInstall } from './integrationPackInstance/install.operation';
import { judge as judgeUnattach } from './integrationPackInstance/unattach.operation';
import { judge as judgeUninstall } from './integrationPackInstance/uninstall.operation';
import type { Judge, Judgement, ListName, SpaceLists } from './judging';
import { asList } from './listResults';

/**
 * Evidence for safe re-runs and dry runs of the integration-pack mutations:
 * the Space's lists (Integration Pack Instance › Get Many, Environment › Get
 * Many), read at most once per run each — lazily, on the first item that needs
 * them, one shared promise — and pure per-operation judges (next to each
 * operation) that say from those lists whether an item's change would apply,
 * is already in place, or names something that does not exist.
 *
 * Used by the router in two places only: Dry Run (nothing is sent to the
 * mutation; each item says what would happen) and Succeed If Already Done
 * (an item Boomi rejected succeeds when the lists show its change in place).
 */

/** The operations with Dry Run and Succeed If Already Done, keyed `<resource>.<operation>`. */
export const JUDGES: Record<string, Judge> = {
	'integrationPackInstance.unattach': { action: 'detach', needs: ['instances', 'environments'], judge: judgeUnattach },
	'integrationPackInstance.uninstall': { action: 'uninstall', needs: ['instances'], judge: judgeUninstall },
	'integrationPackInstance.attach': { action: 'attach', needs: ['instances', 'environments'], judge: judgeAttach },
	'integrationPackInstance.install': { action: 'install', needs: ['instances'], judge: judgeInstall },
};

const LISTS = {
	instances: { document: instancesDocument, words: 'the integration pack instances' },
	environments: { document: environmentsDocument, words: 'the environments' },
} as const;

export interface SafeRunOptions {
	dryRun: boolean;
	succeedIfAlreadyDone: boolean;
}

export const DEFAULT_SAFE_RUN_OPTIONS: SafeRunOptions = { dryRun: false, succeedIfAlreadyDone: false };

/** Reads Dry Run and Succeed If Already Done from the node's Options (node-level: item 0). */
export function readSafeRunOptions(this: IExecuteFunctions): SafeRunOptions {
	const raw = (this.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
	const options = { ...DEFAULT_SAFE_RUN_OPTIONS };
	for (const key of Object.keys(options) as Array<keyof SafeRunOptions>) {
		const value = raw[key];
		if (value === undefined || value === '' || value === null) continue;
		if (typeof value !== 'boolean') {
			throw new NodeOperationError(this.getNode(), `Option "${key}" must be true or false`, {
				description: `It is ${JSON.stringify(value)}. Fix it under Options in the Boomi Spaces node.`,
			});
		}
		options[key] = value;
	}
	return options;
}

interface ReadOptions {
	maxRetries: number;
	timeout: number;
}

/** One run's evidence: the lists, each read at most once, and the judging of items. */
export class Evidence {
	private readonly loads = new Map<ListName, Promise<IDataObject[]>>();

	/** Waits for a request's slot under the run's pace (set by the router). */
	pace: (() => Promise<void>) | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly endpoints: BoomiEndpoints,
		private readonly judgeOf: Judge,
		/** The operation's display name, for the words of the list requests. */
		private readonly operationName: string,
		private readonly readOptions: ReadOptions,
	) {}

	get action(): string {
		return this.judgeOf.action;
	}

	/** The item judged against the lists (read on first use). Throws the list's error when a list cannot be read. */
	async judge(variables: IDataObject, settings: IDataObject): Promise<Judgement> {
		const lists: SpaceLists = { instances: [], environments: [] };
		for (const name of this.judgeOf.needs) lists[name] = await this.list(name);
		return this.judgeOf.judge(variables, settings, lists);
	}

	/** Dry Run's output for an item: what would happen, and why. */
	async dryRun(variables: IDataObject, settings: IDataObject): Promise<IDataObject> {
		const judgement = await this.judge(variables, settings);
		return { dryRun: true, action: this.action, state: judgement.state, evidence: judgement.evidence, ...judgement.fields };
	}

	/**
	 * Succeed If Already Done, for an item Boomi rejected: the output items
	 * when the lists show its change in place, else a note for its error.
	 */
	async alreadyDone(variables: IDataObject, settings: IDataObject, errors: GraphQLError[]): Promise<{ output?: IDataObject[]; note: string }> {
		let judgement: Judgement;
		try {
			judgement = await this.judge(variables, settings);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			return { note: `Succeed If Already Done could not check whether the change was already in place: reading the lists failed (${message}).` };
		}
		if (judgement.state !== 'alreadyDone' || !judgement.done) {
			return { note: `Succeed If Already Done checked and the change is not in place: ${judgement.evidence}.` };
		}
		const boomi: IDataObject = { boomiMessage: errors.map((error) => error.message).join('; ') };
		const code = errors.find((error) => error.code)?.code;
		if (code) boomi.boomiCode = code;
		return { output: judgement.done.map((json) => ({ ...json, alreadyDone: true, evidence: judgement.evidence, ...boomi })), note: '' };
	}

	/** A list's failure as this item's error (the list is read once; each item waiting on it fails with it). */
	itemError(error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
		const message = error instanceof Error ? error.message : String(error);
		const described = error && typeof error === 'object' ? (error as { description?: unknown }).description : undefined;
		const description = forItem(
			`Dry Run could not read the lists it judges from. ${typeof described === 'string' ? described : ''}`.trim(),
			itemIndex,
		);
		if (error instanceof NodeApiError) {
			return new NodeApiError(this.context.getNode(), { message }, { message, description, httpCode: error.httpCode ?? undefined, itemIndex });
		}
		return new NodeOperationError(this.context.getNode(), message, { itemIndex, description });
	}

	private list(name: ListName): Promise<IDataObject[]> {
		let load = this.loads.get(name);
		if (!load) {
			const { document, words } = LISTS[name];
			load = requestData
				.call(this.context, this.endpoints, document, {}, {
					label: { name: `reading ${words} for ${this.operationName}`, mutation: false },
					maxRetries: this.readOptions.maxRetries,
					timeoutMs: this.readOptions.timeout,
					pace: this.pace,
				})
				.then((data) => asList(data[document.field]));
			// Every waiting item handles the failure; none is left unhandled.
			load.catch(() => undefined);
			this.loads.set(name, load);
		}
		return load;
	}
}
