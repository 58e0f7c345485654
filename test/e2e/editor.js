'use strict';
/**
 * Checks, in a real headless Chromium, that a running n8n shows the Boomi Spaces
 * node and its credential in the editor: owner setup through the UI, node
 * creator search, the node's actions, the parameter panel (NDV) and the
 * credential form. Screenshots go to `outDir`.
 *
 * Uses playwright-core with Debian's Chromium (/usr/bin/chromium); never
 * downloads a browser. Works with n8n 2.8.x and 2.41.x editors.
 *
 * CLI: node test/e2e/editor.js <baseUrl> <outDir>
 * A failed step also leaves `failed-<step>.png` in outDir (not returned).
 * EDITOR_DEBUG_HTML=1 saves each screenshot's page HTML next to it.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');

const WAIT_MS = 30_000;
const NODE_NAME = 'Boomi Spaces';
const CREDENTIAL_NAME = 'Boomi Spaces API';
/** Labels from credentials/BoomiSpacesApi.credentials.ts (default: API token authentication, US region). */
const CREDENTIAL_FIELDS = ['Authentication', 'Account ID', 'Username', 'API Token', 'Space GUID', 'Region'];

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--disable-default-apps',
	'--disable-extensions',
	'--no-default-browser-check',
	'--mute-audio',
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first of `locators` that becomes visible within `timeout`, or null. */
async function firstVisible(locators, timeout = WAIT_MS) {
	const deadline = Date.now() + timeout;
	do {
		for (const locator of locators) {
			const candidate = locator.first();
			if (await candidate.isVisible().catch(() => false)) return candidate;
		}
		await sleep(200);
	} while (Date.now() < deadline);
	return null;
}

/** Waits until `predicate()` is truthy (polled), up to `timeout`; returns its last value. */
async function waitFor(predicate, timeout = WAIT_MS) {
	const deadline = Date.now() + timeout;
	let value;
	do {
		value = await predicate().catch(() => undefined);
		if (value) return value;
		await sleep(250);
	} while (Date.now() < deadline);
	return value;
}

/**
 * Waits (polling) until `locator`'s text matches every [label, pattern]; returns
 * the labels still missing after `timeout` (none: all shown).
 */
async function missingLabels(locator, expected, timeout = 10_000) {
	const missingIn = (text) => expected.filter(([, pattern]) => !pattern.test(text)).map(([label]) => label);
	const text = (await waitFor(async () => {
		const t = await locator.innerText();
		return missingIn(t).length === 0 ? t : undefined;
	}, timeout)) || (await locator.innerText().catch(() => ''));
	return missingIn(text);
}

/** The owner the CLI (and npm run e2e) sets up. */
const DEFAULT_OWNER = { email: 'owner@example.com', password: 'Boomi-e2e-Passw0rd', firstName: 'Boomi', lastName: 'Owner' };

/**
 * @param {object} o
 * @param {string} o.baseUrl        e.g. 'http://127.0.0.1:5678' (n8n already started, owner NOT yet set up)
 * @param {string} o.outDir         folder for screenshots (created)
 * @param {{email:string,password:string,firstName:string,lastName:string}} o.owner
 * @param {(name:string, ok:boolean, detail?:string)=>void} o.check   records one named check
 * @param {(line:string)=>void} o.log
 * @param {string} [o.chromiumPath]  default '/usr/bin/chromium'
 * @returns {Promise<{screenshots: string[]}>}
 */
async function checkEditor(o) {
	const baseUrl = String(o.baseUrl).replace(/\/+$/, '');
	const outDir = path.resolve(o.outDir);
	const owner = o.owner;
	const check = o.check;
	const log = o.log || (() => {});
	const chromiumPath = o.chromiumPath || '/usr/bin/chromium';
	const screenshots = [];

	fs.mkdirSync(outDir, { recursive: true });
	for (const name of fs.readdirSync(outDir)) {
		if (/^failed-.*\.png$/.test(name)) fs.rmSync(path.join(outDir, name), { force: true });
	}

	if (!fs.existsSync(chromiumPath)) {
		check('editor: Chromium is installed', false, `${chromiumPath} not found: apt-get install chromium`);
		return { screenshots };
	}
	let chromium;
	try {
		({ chromium } = require('playwright-core'));
	} catch (error) {
		check('editor: playwright-core is installed', false, `${error.message}: npm install (root devDependency playwright-core)`);
		return { screenshots };
	}

	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-editor-chromium-'));
	let context;
	const started = Date.now();
	try {
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: chromiumPath,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: { width: 1280, height: 800 },
			deviceScaleFactor: 1,
			locale: 'en-US',
			timezoneId: 'UTC',
			timeout: WAIT_MS,
		});
	} catch (error) {
		check('editor: Chromium starts', false, error.message.split('\n')[0]);
		fs.rmSync(userDataDir, { recursive: true, force: true });
		return { screenshots };
	}

	try {
		context.setDefaultTimeout(WAIT_MS);
		context.setDefaultNavigationTimeout(WAIT_MS);
		const page = context.pages()[0] || (await context.newPage());
		const pageErrors = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));

		const shot = async (name, options = {}) => {
			const file = path.join(outDir, name);
			try {
				if (options.locator) {
					await options.locator.screenshot({ path: file, type: 'png', timeout: 10_000 });
				} else {
					await page.screenshot({ path: file, type: 'png', clip: options.clip, timeout: 10_000 });
				}
				screenshots.push(file);
				log(`screenshot ${file}`);
				if (process.env.EDITOR_DEBUG_HTML) fs.writeFileSync(file.replace(/\.png$/, '.html'), await page.content());
			} catch (error) {
				log(`screenshot ${name} failed: ${error.message.split('\n')[0]}`);
			}
			return file;
		};
		/** A failure picture for debugging; not part of the returned list. */
		const failShot = async (name) => {
			const file = path.join(outDir, `failed-${name}.png`);
			await page.screenshot({ path: file, type: 'png', timeout: 10_000 }).catch(() => {});
			log(`failure screenshot ${file}`);
		};

		// ---- 1. Owner setup (or login) ------------------------------------------------
		const signedIn = await setUpOwner(page, { baseUrl, owner, check, log });
		if (!signedIn) {
			await failShot('owner-setup');
			return { screenshots };
		}
		await dismissModals(page, log);

		// ---- 2. Node creator search ---------------------------------------------------
		const creatorOk = await openNodeCreatorAndSearch(page, { baseUrl, check, log });
		await shot('node-creator.png');
		if (!creatorOk) {
			await failShot('node-creator');
			return { screenshots };
		}

		// ---- 3. Node actions ----------------------------------------------------------
		const actionsOk = await openNodeActions(page, { check, log });
		await shot('node-actions.png', { clip: await nodeCreatorClip(page) });
		if (!actionsOk) {
			await failShot('node-actions');
			return { screenshots };
		}

		// ---- 4. Pick Unattach: node on canvas, NDV open -------------------------------
		const ndvOk = await pickUnattach(page, { check });
		await shot('node-panel.png');
		if (!ndvOk) await failShot('node-panel');

		// ---- 5. Credential form ---------------------------------------------------------
		const formOk = await openCredentialForm(page, { baseUrl, ndvOpen: ndvOk, check, log });
		let modal = await credentialModal(page);
		if (modal) {
			// A taller window lets the modal show every field down to Region.
			await page.setViewportSize({ width: 1280, height: 1000 }).catch(() => {});
			await sleep(400);
			modal = (await credentialModal(page)) || modal;
		}
		await shot('credential-form.png', modal ? { locator: modal } : {});
		await page.setViewportSize({ width: 1280, height: 800 }).catch(() => {});
		if (!formOk) await failShot('credential-form');
		// Nothing is saved: the browser closes with the credential form still open.

		if (pageErrors.length) log(`editor page errors (not checks): ${pageErrors.slice(0, 5).join(' | ')}`);
		return { screenshots };
	} catch (error) {
		check('editor: browser flow finished without an exception', false, error.message.split('\n')[0]);
		return { screenshots };
	} finally {
		await context.close().catch(() => {});
		fs.rmSync(userDataDir, { recursive: true, force: true });
		log(`editor checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}
}

/** Step 1: the owner account is set up through /setup, or logged in through /signin. */
async function setUpOwner(page, { baseUrl, owner, check, log }) {
	try {
		await page.goto(baseUrl + '/', { waitUntil: 'domcontentloaded' });
	} catch (error) {
		check('editor: n8n editor page loads', false, `${baseUrl}: ${error.message.split('\n')[0]}`);
		return false;
	}
	// The editor is a SPA: wait until it routed to setup, signin or an inner page.
	const form = await waitFor(async () => {
		if (await page.locator('input[name="firstName"]').first().isVisible()) return 'setup';
		// The setup form has an email field too, drawn before its name fields: on /setup, wait for those.
		if (!/\/setup/.test(new URL(page.url()).pathname) && (await page.locator('input[name="email"], input[type="email"]').first().isVisible())) return 'signin';
		const { pathname } = new URL(page.url());
		if (!/^\/(setup|signin|signup)?\/?$/.test(pathname) && !/\/(setup|signin)/.test(pathname)) return 'inside';
		return undefined;
	});
	log(`editor: first page ${page.url()} (${form || 'nothing recognisable'})`);

	if (form === 'setup') {
		await page.locator('input[name="email"]').first().fill(owner.email);
		await page.locator('input[name="firstName"]').first().fill(owner.firstName);
		await page.locator('input[name="lastName"]').first().fill(owner.lastName);
		await page.locator('input[name="password"]').first().fill(owner.password);
		await submitForm(page);
		const left = await waitFor(async () => !/\/setup/.test(new URL(page.url()).pathname));
		check('editor: owner set up through the /setup page', Boolean(left), left ? `now at ${new URL(page.url()).pathname}` : `still on ${page.url()}`);
		return Boolean(left);
	}
	if (form === 'signin') {
		await page.locator('input[name="email"], input[type="email"]').first().fill(owner.email);
		await page.locator('input[name="password"], input[type="password"]').first().fill(owner.password);
		await submitForm(page);
		const left = await waitFor(async () => !/\/signin/.test(new URL(page.url()).pathname));
		check('editor: owner logged in (owner already existed)', Boolean(left), left ? `now at ${new URL(page.url()).pathname}` : `still on ${page.url()}`);
		return Boolean(left);
	}
	if (form === 'inside') {
		// An inner page alone proves nothing: ask n8n who the browser's session belongs to.
		const user = await signedInUser(page, baseUrl);
		const signedIn = user?.email === owner.email;
		check(
			'editor: owner signed in',
			signedIn,
			signedIn ? `already signed in as ${user.email} at ${new URL(page.url()).pathname}` : `GET /rest/login answered ${JSON.stringify(user ?? null)}`,
		);
		return signedIn;
	}
	check('editor: owner setup page shown', false, `no setup or sign-in form at ${page.url()}`);
	return false;
}

/** The user of the browser's n8n session (GET /rest/login with the page's cookies), or undefined. */
async function signedInUser(page, baseUrl) {
	try {
		const response = await page.request.get(`${baseUrl}/rest/login`, { headers: { accept: 'application/json' } });
		if (!response.ok()) return undefined;
		const body = await response.json();
		return body?.data ?? body;
	} catch {
		return undefined;
	}
}

async function submitForm(page) {
	const button = await firstVisible(
		[
			page.locator('[data-test-id="form-submit-button"]'),
			page.getByRole('button', { name: /^(next|sign in|continue|get started)$/i }),
			page.locator('form button[type="submit"]'),
		],
		5_000,
	);
	if (button) await button.click();
	else await page.keyboard.press('Enter');
}

/** Closes post-setup modals/surveys (personalization, "what's new", NPS...) if any are open. */
async function dismissModals(page, log) {
	for (let round = 0; round < 4; round++) {
		const dialog = await firstVisible(
			[
				page.locator('[data-test-id="personalization-form"]'),
				page.locator('.el-dialog:visible'),
				page.locator('[role="dialog"]:visible'),
			],
			round === 0 ? 1_500 : 500,
		);
		if (!dialog) return;
		const text = ((await dialog.innerText().catch(() => '')) || '').slice(0, 60).replace(/\s+/g, ' ');
		// Prefer an explicit "skip"-like button, then the close cross, then Escape.
		const button = await firstVisible(
			[
				dialog.getByRole('button', { name: /^(skip|get started|not now|maybe later|close|dismiss|continue)$/i }),
				dialog.locator('.el-dialog__headerbtn, [aria-label="Close this dialog"], [aria-label="Close"]'),
			],
			500,
		);
		if (button) await button.click().catch(() => {});
		else await page.keyboard.press('Escape');
		log(`editor: dismissed a dialog ("${text}")`);
		await sleep(400);
	}
}

/** Step 2: /workflow/new, node creator open, search "Boomi Spaces", the node is listed. */
async function openNodeCreatorAndSearch(page, { baseUrl, check, log }) {
	await page.goto(baseUrl + '/workflow/new', { waitUntil: 'domcontentloaded' });
	const canvasReady = await firstVisible(
		[
			page.locator('[data-test-id="canvas-add-button"]'),
			page.locator('[data-test-id="canvas-plus-button"]'),
			page.locator('[data-test-id="node-creator-plus-button"]'),
		],
		WAIT_MS,
	);
	await dismissModals(page, log);
	if (!canvasReady) {
		check('editor: new workflow canvas opens', false, `no canvas "+" button at ${page.url()}`);
		return false;
	}

	const searchBar = () =>
		firstVisible(
			[
				page.locator('[data-test-id="node-creator-search-bar"] input'),
				page.locator('[data-test-id="node-creator-search-bar"]'),
				page.locator('[data-test-id="search-bar"] input'),
				page.locator('[data-test-id="node-creator"] input[type="text"]'),
			],
			3_000,
		);

	let search = null;
	// "Add first step" box, the "+" in the canvas corner, then the Tab shortcut.
	const openers = [
		() => page.locator('[data-test-id="canvas-add-button"]').first().click({ timeout: 5_000 }),
		() => page.locator('[data-test-id="canvas-plus-button"]').first().click({ timeout: 5_000 }),
		() => page.locator('[data-test-id="node-creator-plus-button"]').first().click({ timeout: 5_000 }),
		async () => {
			await page.locator('[data-test-id="canvas-wrapper"], [data-test-id="canvas"]').first().click({ position: { x: 50, y: 50 }, timeout: 5_000 });
			await page.keyboard.press('Tab');
		},
	];
	for (const open of openers) {
		if (!(await open().then(() => true, () => false))) continue;
		search = await searchBar();
		if (search) break;
	}
	if (!search) {
		check('editor: node creator opens', false, 'no node creator search box after "+", "Add first step" or Tab');
		return false;
	}
	await search.click();
	await search.fill(NODE_NAME);

	const item = await firstVisible(
		[
			page.locator('[data-test-id="node-creator-item-name"]').getByText(NODE_NAME, { exact: true }),
			page.locator('[data-test-id="node-creator"]').getByText(new RegExp(`^\\s*${escapeRegExp(NODE_NAME)}\\s*$`)),
		],
		WAIT_MS,
	);
	check(`editor: node creator lists "${NODE_NAME}"`, Boolean(item), item ? 'found by searching "Boomi Spaces"' : 'no such entry after searching');
	return Boolean(item);
}

/** Locator of the node creator's search result or the item itself. */
function nodeCreatorItem(page) {
	return page.locator('[data-test-id="node-creator-item-name"]').getByText(NODE_NAME, { exact: true }).first();
}

/** The Unattach entry of the node's actions panel, most specific first. */
function unattachLocators(page) {
	const creator = page.locator('[data-test-id="node-creator"]');
	return [
		creator.locator('[data-test-id="node-creator-item-name"]').filter({ hasText: /unattach/i }),
		creator.locator('[data-test-id="node-creator-action-item"]').filter({ hasText: /unattach/i }),
		creator.getByText(/unattach/i),
	];
}

/** Step 3: open the node's actions; "Unattach ..." is listed. */
async function openNodeActions(page, { check, log }) {
	await nodeCreatorItem(page).click();
	let unattach = await firstVisible(unattachLocators(page), 10_000);
	if (!unattach) {
		// n8n 2.8 on an empty workflow: a node that also has triggers (Boomi Spaces Trigger)
		// shows its Triggers section open and its Actions section folded. Open the Actions.
		const actions = page
			.locator('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]')
			.filter({ hasText: /^\s*Actions/ });
		if (await actions.count()) {
			await actions.first().click().catch(() => {});
			log('editor: opened the folded Actions section of the actions panel');
			unattach = await firstVisible(unattachLocators(page), 5_000);
		}
	}
	if (!unattach) {
		// The entry may exist below the fold of the panel.
		const attached = unattachLocators(page)[0].first();
		if (await attached.count()) {
			await attached.scrollIntoViewIfNeeded().catch(() => {});
			unattach = await firstVisible(unattachLocators(page), 5_000);
		}
	}
	const label = unattach ? (await unattach.innerText().catch(() => '')).trim().split('\n')[0] : '';
	check('editor: node actions list "Unattach From Environment"', Boolean(unattach), unattach ? `listed as "${label}"` : 'no action containing "unattach"');
	if (unattach) {
		// For the picture: fold the "Triggers" suggestions (empty workflow) so the actions show.
		const triggers = page
			.locator('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]')
			.filter({ hasText: /^\s*Triggers/ });
		const expanded = await triggers
			.first()
			.evaluate((el) => el.closest('[data-category-collapsed]')?.getAttribute('data-category-collapsed') === 'false')
			.catch(() => false);
		if (expanded) {
			await triggers.first().click().catch(() => {});
			log('editor: folded the Triggers section of the actions panel');
			await sleep(300);
		}
		// Show the panel from its top (node name and description), unless Unattach would be cut off.
		await unattach
			.evaluate((el) => {
				for (let node = el.parentElement; node; node = node.parentElement) {
					if (node.scrollHeight > node.clientHeight + 1 && getComputedStyle(node).overflowY !== 'visible') node.scrollTop = 0;
				}
			})
			.catch(() => {});
		const box = await unattach.boundingBox().catch(() => null);
		const viewport = page.viewportSize() || { width: 1280, height: 800 };
		if (!box || box.y + box.height > viewport.height - 60) await unattach.scrollIntoViewIfNeeded().catch(() => {});
		await unattach.hover().catch(() => {});
	}
	// Let the panel finish its slide-in before the screenshot.
	await sleep(600);
	return Boolean(unattach);
}

/** The node creator panel's box, for a screenshot that shows the actions clearly. */
async function nodeCreatorClip(page) {
	const box = await page.locator('[data-test-id="node-creator"]').first().boundingBox().catch(() => null);
	if (!box || box.width < 100 || box.height < 100) return undefined;
	// Keep some canvas on the left so the picture reads as "n8n editor".
	const viewport = page.viewportSize() || { width: 1280, height: 800 };
	const x = Math.max(0, Math.floor(box.x - 300));
	return { x, y: 0, width: Math.min(viewport.width - x, Math.ceil(box.x + box.width - x)), height: viewport.height };
}

/** Step 4: pick the Unattach action; the node is on the canvas and its NDV shows its fields. */
async function pickUnattach(page, { check }) {
	const action = await firstVisible(unattachLocators(page), 5_000);
	if (!action) {
		check('editor: Unattach action adds the node', false, 'action not found');
		return false;
	}
	await action.click();
	const ndv = await firstVisible([page.locator('[data-test-id="ndv"]'), page.locator('.ndv-wrapper')], WAIT_MS);
	// The canvas stays rendered behind the NDV.
	const canvasNode = page.locator(
		'[data-test-id="canvas-node"][data-node-type$=".boomiSpaces"], [data-test-id="canvas-node"][data-node-type$="/boomiSpaces"]',
	);
	const onCanvas = await waitFor(() => canvasNode.count(), 10_000);
	const nodeName = onCanvas ? await canvasNode.first().getAttribute('data-node-name').catch(() => null) : null;
	check(
		'editor: picking Unattach adds the node to the canvas',
		Boolean(onCanvas),
		onCanvas ? `canvas node "${nodeName || NODE_NAME}"` : 'no canvas node of type boomiSpaces',
	);
	// The default name is the action: short enough to read on the canvas.
	check('editor: the new node is named "Unattach instance from environment"', nodeName === 'Unattach instance from environment', `named "${nodeName}"`);
	if (!ndv) {
		check('editor: node parameter panel (NDV) opens', false, 'no NDV after picking the action');
		return false;
	}
	// n8n 2.8 labels the credential field "Credential to connect with", newer editors "Credential".
	const expected = [
		['Credential to connect with', /Credential( to connect with)?/],
		['Resource', /Resource/],
		['Operation', /Operation/],
		['Attachment', /^\s*Attachment\s*$/m],
	];
	const missing = await missingLabels(ndv, expected);
	check(
		'editor: node panel shows Credential to connect with, Resource, Operation, Attachment',
		missing.length === 0,
		missing.length ? `missing: ${missing.join(', ')}` : 'all four fields shown',
	);
	return missing.length === 0;
}

/** The credential edit modal, if open. */
async function credentialModal(page) {
	return firstVisible(
		[
			page.locator('[data-test-id="editCredential-modal"]'),
			page.locator('.el-dialog:visible').filter({ hasText: /Account ID|Space GUID/ }),
			page.locator('[role="dialog"]:visible').filter({ hasText: /Account ID|Space GUID/ }),
		],
		1_000,
	);
}

/** Step 5: the credential form of "Boomi Spaces API" shows its fields. */
async function openCredentialForm(page, { baseUrl, ndvOpen, check, log }) {
	let modal = null;
	if (ndvOpen) {
		modal = await openCredentialFromNdv(page, log);
	}
	if (!modal) {
		log('editor: opening the credential form from the Credentials overview');
		modal = await openCredentialFromOverview(page, baseUrl, log);
	}
	if (!modal) {
		check(`editor: "${CREDENTIAL_NAME}" credential form opens`, false, 'neither from the NDV nor from the Credentials overview');
		return false;
	}
	const missing = await missingLabels(modal, CREDENTIAL_FIELDS.map((label) => [label, new RegExp(escapeRegExp(label))]));
	check(
		`editor: "${CREDENTIAL_NAME}" form shows ${CREDENTIAL_FIELDS.join(', ')}`,
		missing.length === 0,
		missing.length ? `missing: ${missing.join(', ')}` : 'all fields shown',
	);
	await sleep(300);
	return missing.length === 0;
}

async function openCredentialFromNdv(page, log) {
	const ndv = page.locator('[data-test-id="ndv"]').first();
	// Newer editors: a "Connect to Boomi Spaces" button opens the new-credential form directly.
	const connect = await firstVisible(
		[ndv.locator('[data-test-id="node-credentials-empty-state"] button'), ndv.getByRole('button', { name: new RegExp(`^connect to ${escapeRegExp(NODE_NAME)}`, 'i') })],
		2_000,
	);
	if (connect) {
		await connect.click();
		const modal = await waitFor(() => credentialModal(page), 10_000);
		if (modal) return modal;
		log('editor: "Connect to" button did not open the credential form');
	}
	const select = await firstVisible(
		[
			ndv.locator('[data-test-id="node-credentials-select"]'),
			ndv.getByPlaceholder(/select credential/i),
			ndv.locator('[data-test-id="credentials-label"]').locator('xpath=..').locator('input'),
		],
		5_000,
	);
	if (!select) {
		log('editor: no credential select in the NDV');
		return null;
	}
	await select.click();
	const create = await firstVisible(
		[
			page.locator('[data-test-id="node-credentials-select-item-new"]'),
			page.getByRole('option', { name: /create new credential/i }),
			page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').filter({ hasText: /create new credential/i }),
			page.getByText(/create new credential/i),
		],
		5_000,
	);
	if (!create) {
		log('editor: no "Create new credential" entry in the NDV select');
		await page.keyboard.press('Escape');
		return null;
	}
	await create.click();
	return waitFor(() => credentialModal(page), 10_000);
}

async function openCredentialFromOverview(page, baseUrl, log) {
	// Leave the unsaved workflow: the editor may ask to save; answer "leave without saving".
	// /home/credentials/create opens the "Add new credential" dialog directly.
	await page.goto(baseUrl + '/home/credentials/create', { waitUntil: 'domcontentloaded' });
	const leave = await firstVisible([page.getByRole('button', { name: /leave without saving/i })], 2_000);
	if (leave) await leave.click();
	const picker = () => [
		page.locator('[data-test-id="credential-select"] input'),
		page.getByPlaceholder(/search for app/i),
	];
	if (!(await firstVisible(picker(), 5_000))) {
		log('editor: no credential type picker at /home/credentials/create; trying the "Add credential" button');
		await page.goto(baseUrl + '/home/credentials', { waitUntil: 'domcontentloaded' });
		await dismissModals(page, log);
		const add = await firstVisible(
			[
				page.locator('[data-test-id="empty-resources-list"] button'),
				page.locator('[data-test-id="resources-list-add"]'),
				page.getByRole('button', { name: /(add|create) (first )?credential/i }),
				page.locator('[data-test-id="add-resource-credential"]'),
			],
			WAIT_MS,
		);
		if (!add) return null;
		await add.click();
	}
	const search = await firstVisible(
		[
			page.locator('[data-test-id="credential-select"] input'),
			page.getByPlaceholder(/search for app/i),
			page.locator('[role="dialog"]:visible input[type="text"]'),
		],
		10_000,
	);
	if (!search) return null;
	await search.click();
	await search.fill(CREDENTIAL_NAME);
	const option = await firstVisible(
		[
			page.locator('[data-test-id="new-credential-type-select-option"]').filter({ hasText: CREDENTIAL_NAME }),
			page.getByRole('option', { name: CREDENTIAL_NAME, exact: true }),
			page.locator('.el-select-dropdown__item:visible').filter({ hasText: CREDENTIAL_NAME }),
		],
		10_000,
	);
	if (!option) return null;
	await option.click();
	const next = await firstVisible(
		[page.locator('[data-test-id="new-credential-type-button"]'), page.getByRole('button', { name: /^continue$/i })],
		5_000,
	);
	if (next) await next.click();
	return waitFor(() => credentialModal(page), 10_000);
}

module.exports = { checkEditor, DEFAULT_OWNER };

if (require.main === module) {
	const [baseUrl, outDir] = process.argv.slice(2);
	if (!baseUrl || !outDir) {
		console.error('usage: node test/e2e/editor.js <baseUrl> <outDir>');
		process.exit(2);
	}
	const results = [];
	checkEditor({
		baseUrl,
		outDir,
		owner: DEFAULT_OWNER,
		check: (name, ok, detail) => {
			results.push({ name, ok });
			console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
		},
		log: (line) => console.log(`  ${line}`),
	})
		.then(({ screenshots }) => {
			const failed = results.filter((r) => !r.ok).length;
			console.log(`screenshots: ${screenshots.join(', ') || '(none)'}`);
			console.log(`${results.length - failed} passed, ${failed} failed`);
			process.exit(failed || results.length === 0 ? 1 : 0);
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
