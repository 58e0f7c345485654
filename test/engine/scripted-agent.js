// A stand-in for n8n's AI Agent node, for tests only: no language model can run
// offline, so the "model's" decisions come in as the input items. Everything
// between the agent and the Boomi Spaces node is n8n's own code path:
// n8n-core's getInputConnectionData finds the tool nodes connected on
// `ai_tool`, wraps each (the harness's `<type>Tool` variant, derived as n8n's
// CLI derives it) with createNodeAsTool into a LangChain DynamicStructuredTool
// whose schema comes from the node's $fromAI() expressions, and invoking it
// runs the node's execute() in a SupplyDataContext with those arguments.
//
// Input items:  { listTools: true }            → { tools: [{ name, description, arguments: { key: description } }] }
//               { tool: '<name>', args: {...} } → { tool, args, response } or { tool, args, error }
const AGENT_TYPE = 'test.scriptedAgent';

const scriptedAgent = {
	description: {
		displayName: 'Scripted Agent',
		name: 'scriptedAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls connected tools as the input items say (tests only)',
		defaults: { name: 'Scripted Agent' },
		inputs: ['main', { type: 'ai_tool', displayName: 'Tools', required: true }],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		const connected = await this.getInputConnectionData('ai_tool', 0);
		const tools = [connected].flat(2).filter(Boolean);
		const out = [];
		for (const [index, { json }] of this.getInputData().entries()) {
			if (json.listTools) {
				out.push({
					json: {
						tools: tools.map((tool) => ({
							name: tool.name,
							description: tool.description,
							arguments: Object.fromEntries(
								Object.entries(tool.schema.shape ?? {}).map(([key, schema]) => [key, schema.description ?? '']),
							),
						})),
					},
					pairedItem: { item: index },
				});
				continue;
			}
			const tool = tools.find((candidate) => candidate.name === json.tool);
			if (!tool) throw new Error(`Scripted Agent: no tool named "${json.tool}" (have ${tools.map((t) => t.name).join(', ')})`);
			try {
				const response = JSON.parse(await tool.invoke(json.args ?? {}));
				out.push({ json: { tool: json.tool, args: json.args, response }, pairedItem: { item: index } });
			} catch (error) {
				out.push({ json: { tool: json.tool, args: json.args, error: error.message }, pairedItem: { item: index } });
			}
		}
		return [out];
	},
};

/** Connects each named tool node to the agent on `ai_tool`. */
function toolConnections(agentName, toolNames) {
	return Object.fromEntries(
		toolNames.map((name) => [name, { ai_tool: [[{ node: agentName, type: 'ai_tool', index: 0 }]] }]),
	);
}

module.exports = { AGENT_TYPE, scriptedAgent, toolConnections };
