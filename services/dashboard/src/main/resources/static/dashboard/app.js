// The dashboard's glue: the state lives in the URL (page, actors, asOf, knownAt) so a view can be shared.
import {follow, getJson, resumeSession, signedIn, signIn, signOut, userName} from './api.js';
import {el, partialDate, rememberActors} from './format.js';
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
        recipient: params.get('recipient') || ''
    };
}

/** Changes the URL (a new history entry, so Back works) and shows what it says. */
function navigate(changes) {
    const next = {...state(), ...changes};
    const params = new URLSearchParams();
    for (const name of PARAMS) {
        if (next[name]) {
            params.set(name, next[name]);
        }
    }
    history.pushState(null, '', '/?' + params);
    show();
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

async function render() {
    const s = state();
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
        if (s.page === 'overview') {
            await renderOverview($('page-overview'), times(s), (a, b) => navigate({page: 'relationship', a, b}));
        } else if (s.page === 'relationship') {
            await renderRelationship($('relationship'), {a: s.a, b: s.b, ...times(s)});
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
            renderDeals($('deals-table'), $('deal-filters'), times(s));
        }
        clearProblem();
    } catch (e) {
        showProblem(e);
    } finally {
        document.body.removeAttribute('aria-busy');
        document.body.dataset.rendered = String(Date.now());
    }
}

/** One rendering at a time, in order. */
function show() {
    rendering = rendering.then(render);
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

const code = value => value.trim().substring(0, 3).toUpperCase();
$('pair').addEventListener('submit', e => {
    e.preventDefault();
    navigate({page: 'relationship', a: code($('actor-a').value), b: code($('actor-b').value)});
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
    navigate({from: form.from.value, to: form.to.value, supplier: form.supplier.value ? code(form.supplier.value) : '',
        recipient: form.recipient.value ? code(form.recipient.value) : ''});
});
$('deal-filters').addEventListener('submit', e => {
    e.preventDefault();
    show();
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
    const actors = await getJson('/api/v1/actors');
    rememberActors(actors);
    $('actors').replaceChildren(...actors.map(a => el('option', {value: a.code + ' — ' + a.name})));
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
        error.textContent = problem.message || 'Those credentials were refused.';
        error.hidden = false;
    }
});

$('account').addEventListener('click', async () => {
    if (signedIn()) {
        stopLive();
        forgetReleases();
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
        el('span', {class: 'date'}, partialDate(event.validOn)), ' ', el('strong', {}, type), ' ',
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
        refreshTimer = setTimeout(show, 300);
    }
}

function startLive() {
    stopLive();
    stopLive = follow({onEvent: onLiveEvent, onState: setLiveState});
}

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
