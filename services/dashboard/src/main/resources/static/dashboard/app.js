// The dashboard's glue: the state lives in the URL (page, actors, asOf, knownAt) so a view can be shared.
import {ApiProblem, followShared, resumeSession, signedIn, signIn, signOut, userName} from './api.js';
import {el, eventLabel, partialDate} from './format.js';
import {forgetActorList, loadActorList, requireActorCode, resolveActor, showActorIn, typeAhead} from './actors.js';
import {clearProblem, showProblem} from './notices.js';
import {renderOverview} from './overview.js';
import {renderRelationship} from './relationship.js';
import {renderDeals} from './deals.js';
import {renderCountry} from './country.js';
import {renderIntake} from './intake.js';
import {alertArrived, renderWatchlists} from './watch.js';
import {showSource} from './sources.js';
import {fillReleasePicker, forgetReleases, knownAtOfRelease, loadReleases, releaseKnownAt,
    renderReleases} from './releases.js';

const PAGES = ['overview', 'relationship', 'deals', 'releases', 'intake', 'watchlists', 'actor'];
const PARAMS = ['page', 'a', 'b', 'asOf', 'knownAt', 'from', 'to', 'supplier', 'recipient', 'code'];
// the deals page's filters, and the page of deals shown (counted from 1) on the deals and relationship pages
const DEAL_FILTERS = ['status', 'category', 'minValue', 'maxValue', 'currency'];
PARAMS.push(...DEAL_FILTERS, 'dealsPage');
const $ = id => document.getElementById(id);

function state() {
    const params = new URLSearchParams(location.search);
    // a country's own address, /actors/CHN, is its page
    const countryPath = location.pathname.match(/^\/actors\/([^/]+)$/);
    if (countryPath && !params.get('page')) {
        params.set('page', 'actor');
        params.set('code', decodeURIComponent(countryPath[1]));
    }
    const page = PAGES.includes(params.get('page')) ? params.get('page') : 'overview';
    return {
        code: (params.get('code') || '').toUpperCase(),
        page, a: params.get('a') || '', b: params.get('b') || '',
        asOf: params.get('asOf') || '', knownAt: params.get('knownAt') || '',
        // the releases page: the two releases compared and the pair they are compared on
        from: params.get('from') || '', to: params.get('to') || '', supplier: params.get('supplier') || '',
        recipient: params.get('recipient') || '',
        ...Object.fromEntries(DEAL_FILTERS.map(name => [name, params.get(name) || ''])),
        dealsPage: Math.max(1, Number.parseInt(params.get('dealsPage'), 10) || 1)
    };
}

/** Changes the URL (a new history entry, so Back works) and shows what it says. */
function navigate(changes) {
    remember(changes);
    show();
}

/** Puts changes in the URL as a new history entry without showing anything anew (the page already shows them). */
function remember(changes) {
    const now = state();
    const next = {...now, ...changes};
    if (changes.page && changes.page !== now.page && !('dealsPage' in changes)) {
        next.dealsPage = 1; // another page starts at its first page of deals
    }
    const params = new URLSearchParams();
    for (const name of PARAMS) {
        if (next[name] && !(name === 'dealsPage' && Number(next[name]) === 1)) {
            params.set(name, next[name]);
        }
    }
    // always the dashboard's own address: leaving a country's /actors/{code} goes back to it
    if (location.pathname !== '/' || '?' + params !== location.search) {
        history.pushState(null, '', '/?' + params);
    }
}

/** The deal filters of the URL, as the deals page's form shows them and the API takes them. */
function dealFilters(s) {
    return {
        status: s.status || 'PENDING', supplier: s.supplier, recipient: s.recipient, category: s.category,
        minValue: s.minValue, maxValue: s.maxValue, currency: s.currency || 'USD'
    };
}

function fillDealForm(form, filters) {
    for (const name of ['status', 'category', 'minValue', 'maxValue', 'currency']) {
        form.elements[name].value = filters[name] || '';
    }
    showActorIn(form.elements.supplier, filters.supplier);
    showActorIn(form.elements.recipient, filters.recipient);
}

function times(s) {
    return {asOf: s.asOf || null, knownAt: s.knownAt || null};
}

function describeTime(s) {
    const parts = [];
    if (s.asOf) {
        parts.push('as of ' + partialDate(s.asOf));
    }
    const release = releaseKnownAt(s.knownAt);
    if (release) {
        parts.push('as SIPRI\'s release of ' + release.releasedOn + ' said');
    } else if (s.knownAt) {
        parts.push('as known at ' + s.knownAt.replace('T', ' ').replace('Z', ' UTC'));
    }
    return parts.length ? '— ' + parts.join(', ') : '— now';
}

let rendering = Promise.resolve();

/** Shows what the URL says; a live refresh ({keepPlace: true}) keeps the reader's scroll position. */
async function render({keepPlace = false} = {}) {
    const s = state();
    const place = keepPlace ? [window.scrollX, window.scrollY] : null;
    document.querySelectorAll('main > section').forEach(section => {
        section.hidden = section.dataset.page !== s.page;
        section.querySelector('.when').textContent = describeTime(s);
    });
    document.querySelectorAll('nav a').forEach(a => {
        if (a.dataset.page === s.page) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    });
    $('asOf').value = s.asOf;
    $('knownAt').value = s.knownAt ? s.knownAt.replace('Z', '').substring(0, 19) : '';
    fillReleasePicker($('release'), s.knownAt);
    $('actor-a').value = s.a;
    $('actor-b').value = s.b;
    if (!signedIn()) {
        requestSignIn();
        return;
    }
    document.body.setAttribute('aria-busy', 'true');
    try {
        await loadActorList();
        if (s.page === 'overview') {
            await renderOverview($('page-overview'), times(s), (a, b) => navigate({page: 'relationship', a, b}));
        } else if (s.page === 'relationship') {
            showActorIn($('actor-a'), s.a);
            showActorIn($('actor-b'), s.b);
            try {
                await requireActorCode(s.a, 'a');
                await requireActorCode(s.b, 'b');
            } catch (e) {
                $('relationship').replaceChildren(el('p', {class: 'empty unknown-actor'}, e.message));
                throw e;
            }
            await renderRelationship($('relationship'), {a: s.a, b: s.b, ...times(s), dealsPage: s.dealsPage - 1},
                page => navigate({dealsPage: page + 1}));
        } else if (s.page === 'releases') {
            await renderReleases($('releases'), $('release-compare'), s);
            fillReleasePicker($('release'), s.knownAt);
            $('page-releases').querySelector('.when').textContent = describeTime(s);
        } else if (s.page === 'actor') {
            $('country-code').value = s.code;
            await renderCountry($('country'), {code: s.code, ...times(s)});
        } else if (s.page === 'intake') {
            renderIntake($('intake'));
        } else if (s.page === 'watchlists') {
            await renderWatchlists($('watchlists'));
        } else {
            const filters = dealFilters(s);
            fillDealForm($('deal-filters'), filters);
            try {
                await requireActorCode(s.supplier, 'supplier');
                await requireActorCode(s.recipient, 'recipient');
            } catch (e) {
                $('deal-totals').replaceChildren(el('span', {class: 'unknown-actor'}, e.message));
                throw e;
            }
            await renderDeals($('deals-table'), filters, times(s), s.dealsPage,
                page => state().page === 'deals' && remember({dealsPage: page}));
        }
        clearProblem();
    } catch (e) {
        showProblem(e);
    } finally {
        document.body.removeAttribute('aria-busy');
        document.body.dataset.rendered = String(Date.now());
        if (place && (window.scrollX !== place[0] || window.scrollY !== place[1])) {
            window.scrollTo(place[0], place[1]);
        }
    }
}

/** One rendering at a time, in order. */
function show(options) {
    rendering = rendering.then(() => render(options));
    return rendering;
}

// --- time travel ---

$('time').addEventListener('change', () => {
    const knownAt = $('knownAt').value;
    navigate({asOf: $('asOf').value, knownAt: knownAt ? (knownAt.length === 16 ? knownAt + ':00' : knownAt) + 'Z' : ''});
});
$('time').addEventListener('submit', e => e.preventDefault());
$('now').addEventListener('click', () => navigate({asOf: '', knownAt: ''}));
$('release').addEventListener('change', e => {
    e.stopPropagation();
    navigate({knownAt: knownAtOfRelease($('release').value)});
});

// --- pages ---

document.querySelector('nav').addEventListener('click', e => {
    const link = e.target.closest('a[data-page]');
    if (link && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        navigate({page: link.dataset.page});
    }
});
window.addEventListener('popstate', show);

[$('actor-a'), $('actor-b'), ...['deal-filters', 'release-compare'].flatMap(form =>
    [$(form).elements.supplier, $(form).elements.recipient])].forEach(typeAhead);

/** Navigates to the actors a form's fields name, resolved to codes; an unknown one is shown as an error. */
async function navigateToActors(fields, changes) {
    try {
        const codes = {};
        for (const [name, input] of Object.entries(fields)) {
            codes[name] = await resolveActor(input.value, name);
        }
        navigate({...changes, ...codes});
    } catch (e) {
        showProblem(e);
    }
}

$('pair').addEventListener('submit', e => {
    e.preventDefault();
    navigateToActors({a: $('actor-a'), b: $('actor-b')}, {page: 'relationship', dealsPage: ''});
});
$('country-form').addEventListener('submit', e => {
    e.preventDefault();
    navigate({page: 'actor', code: code($('country-code').value)});
});
$('swap').addEventListener('click', () => {
    const s = state();
    navigate({a: s.b, b: s.a});
});
$('release-compare').addEventListener('submit', e => {
    e.preventDefault();
    const form = e.target.elements;
    navigateToActors({supplier: form.supplier, recipient: form.recipient}, {from: form.from.value, to: form.to.value});
});
$('deal-filters').addEventListener('submit', e => {
    e.preventDefault();
    const form = e.target.elements;
    navigateToActors({supplier: form.supplier, recipient: form.recipient}, {
        status: form.status.value, category: form.category.value.trim().toUpperCase().replaceAll(' ', '_'),
        minValue: form.minValue.value, maxValue: form.maxValue.value,
        currency: form.currency.value.trim().toUpperCase(), dealsPage: ''
    });
});

/** The releases for the picker; a Dyad without SIPRI releases leaves the picker disabled. */
async function loadReleasePicker() {
    await loadReleases(true);
    fillReleasePicker($('release'), state().knownAt);
    document.querySelectorAll('main > section .when').forEach(when => {
        when.textContent = describeTime(state());
    });
}

async function loadActors() {
    await loadActorList();
}

// --- signing in ---

function requestSignIn() {
    const dialog = $('signin');
    if (!dialog.open) {
        dialog.showModal();
        dialog.querySelector('input[name=user]').focus();
    }
}

document.addEventListener('dyad:sign-in', requestSignIn);

$('signin-form').addEventListener('submit', async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target).entries());
    const error = e.target.querySelector('.error');
    try {
        await signIn(data);
        error.hidden = true;
        e.target.reset();
        $('signin').close();
        signedInAs();
        startLive();
        loadActors().catch(showProblem);
        loadReleasePicker().catch(showProblem);
        show();
    } catch (problem) {
        error.textContent = problem instanceof ApiProblem && problem.problem.status === 401
            ? (data.token ? 'That token was refused.' : 'Wrong user name or password.')
            : problem.message || 'Those credentials were refused.';
        error.hidden = false;
    }
});

$('account').addEventListener('click', async () => {
    if (signedIn()) {
        stopLive();
        forgetReleases();
        forgetActorList();
        await signOut();
        signedInAs();
        show();
    } else {
        requestSignIn();
    }
});

function signedInAs() {
    $('account').textContent = signedIn() ? 'Sign out ' + userName() : 'Sign in';
}

// --- live ---

let stopLive = () => {};
let unseen = 0;
let refreshTimer = null;

function setLiveState(liveState) {
    const live = $('live');
    live.dataset.state = liveState;
    live.querySelector('.label').textContent = {live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…', 'signed-out': 'Offline'}
        [liveState] || liveState;
}

function concernsCurrentView(event) {
    const s = state();
    if (s.page !== 'relationship') {
        return true;
    }
    const parties = new Set(event.event ? [event.event.supplier, event.event.recipient, event.event.speaker,
        ...(event.event.parties || []), ...(event.event.addressees || []), ...(event.event.concerning || []),
        event.event.party] : []);
    return parties.has(s.a) || parties.has(s.b);
}

function onLiveEvent(type, event) {
    if (type === 'alert') {
        alertArrived(event);
        return;
    }
    unseen++;
    const count = $('live').querySelector('.count');
    count.textContent = unseen + ' new';
    count.hidden = false;
    const item = el('li', {class: 'fresh'},
        el('span', {class: 'date'}, partialDate(event.validOn)), ' ', el('strong', {title: type}, eventLabel(type)), ' ',
        el('span', {class: 'sub'}, event.recordId), ' ',
        event.event && event.event.provenance ? el('button', {
            type: 'button', class: 'source', onclick: () => showSource(type + ' of ' + event.recordId,
                event.event.provenance, {client: event.client, correlationId: event.correlationId})
        }, (event.event.provenance.source || {}).publisher || 'source') : null);
    const list = $('feed-list');
    list.prepend(item);
    while (list.children.length > 50) {
        list.lastElementChild.remove();
    }
    if (concernsCurrentView(event)) {
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => show({keepPlace: true}), 300);
    }
}

function startLive() {
    stopLive();
    stopLive = followShared({onEvent: onLiveEvent, onState: setLiveState});
}

// A page left for another, or kept in the back-forward cache, lets its live feed go: the feeds of pages no longer
// shown would otherwise hold the few connections a browser opens to one server, and the next page's requests would
// wait for them. Shown again from that cache, the page follows the feed anew and reads what changed meanwhile.
window.addEventListener('pagehide', () => stopLive());
window.addEventListener('pageshow', event => {
    if (event.persisted && signedIn()) {
        startLive();
        show({keepPlace: true});
    }
});

$('live').addEventListener('click', () => {
    const feed = $('feed');
    feed.hidden = !feed.hidden;
    $('live').setAttribute('aria-expanded', String(!feed.hidden));
    unseen = 0;
    $('live').querySelector('.count').hidden = true;
});

// --- start: a sign-in of this browser (its session cookie) may still hold ---

resumeSession().catch(() => false).then(resumed => {
    signedInAs();
    if (resumed) {
        startLive();
        loadActors().catch(showProblem);
        loadReleasePicker().catch(showProblem);
    } else {
        setLiveState('signed-out');
    }
    show();
});
