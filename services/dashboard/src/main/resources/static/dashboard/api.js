// Dyad's REST API and live feed, for the signed-in user.
//
// Signing in trades the user's credentials for an HttpOnly session cookie (POST /api/v1/session): the credentials
// are sent once and kept nowhere, and no script, this one included, can read the cookie. What the dashboard keeps
// in memory is the user's name and the CSRF token that a write authenticated by the cookie must carry.

const SESSION = '/api/v1/session';

let session = null;

export class SignInRequired extends Error {
}

/** A refusal of the API: its problem+json body, whose errors name the field and the reason. */
export class ApiProblem extends Error {
    constructor(problem) {
        super(problem.detail || problem.title || 'request refused');
        this.problem = problem;
    }
}

export function signedIn() {
    return session !== null;
}

export function userName() {
    return session ? session.user : '';
}

function headers(extra = {}) {
    // X-Requested-With keeps the browser from prompting for credentials itself on a 401
    return {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extra};
}

async function problemOf(response) {
    try {
        return await response.json();
    } catch (e) {
        return {status: response.status, title: response.statusText};
    }
}

/** Asks who is signed in (by the cookie of an earlier sign-in); false when nobody is. */
export async function resumeSession() {
    const response = await fetch(SESSION, {headers: headers(), credentials: 'same-origin'});
    session = response.ok ? await response.json() : null;
    return signedIn();
}

/** Signs in with a local user's name and password or a bearer token; the answer sets the session cookie. */
export async function signIn({user, password, token}) {
    const authorization = token ? 'Bearer ' + token.trim()
        : 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
    const response = await fetch(SESSION, {
        method: 'POST', headers: headers({Authorization: authorization}), credentials: 'same-origin'
    });
    if (!response.ok) {
        throw new ApiProblem(await problemOf(response));
    }
    session = await response.json();
}

/** Signs out: the server removes the cookie. */
export async function signOut() {
    const csrf = session ? {[session.csrfHeader]: session.csrfToken} : {};
    try {
        await fetch(SESSION, {method: 'DELETE', headers: headers(csrf), credentials: 'same-origin'});
    } finally {
        session = null;
    }
}

/** GET a JSON answer; parameters that are null, undefined or empty are left out. */
export async function getJson(path, params = {}) {
    if (!signedIn()) {
        throw new SignInRequired();
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== null && value !== undefined && value !== '') {
            query.append(name, value);
        }
    }
    const search = query.toString();
    const response = await fetch(path + (search ? '?' + search : ''), {headers: headers(), credentials: 'same-origin'});
    if (response.status === 401) {
        session = null;
        throw new SignInRequired();
    }
    if (!response.ok) {
        throw new ApiProblem(await problemOf(response));
    }
    return withSources(await response.json());
}

/**
 * An answer names each source once, in its top-level {@code sources} map (id → source), and by id where it is cited
 * ({@code provenance.sourceId}, a record's {@code sourceIds}). The pages read a cited source where it is cited: this
 * puts each back there ({@code provenance.source}, the record's {@code sources} list), as the same object.
 */
export function withSources(answer) {
    if (!answer || typeof answer !== 'object' || Array.isArray(answer) || !answer.sources
        || typeof answer.sources !== 'object' || Array.isArray(answer.sources)) {
        return answer;
    }
    const byId = answer.sources;
    const cite = node => {
        if (Array.isArray(node)) {
            node.forEach(cite);
        } else if (node && typeof node === 'object') {
            for (const value of Object.values(node)) {
                if (value && typeof value === 'object') {
                    cite(value);
                }
            }
            if (typeof node.sourceId === 'string' && Object.hasOwn(byId, node.sourceId)) {
                node.source = byId[node.sourceId];
            }
            if (Array.isArray(node.sourceIds)) {
                node.sources = node.sourceIds.filter(id => Object.hasOwn(byId, id)).map(id => byId[id]);
            }
        }
    };
    for (const [name, value] of Object.entries(answer)) {
        if (name !== 'sources' && value && typeof value === 'object') {
            cite(value);
        }
    }
    if (Array.isArray(answer.sourceIds)) {
        answer.sources = answer.sourceIds.filter(id => Object.hasOwn(byId, id)).map(id => byId[id]);
    }
    return answer;
}

/** POSTs a JSON body as a write ({@link sendJson}). */
export async function postJson(path, body) {
    return sendJson('POST', path, body);
}

/**
 * Follows the live feed (Server-Sent Events; the session cookie authenticates it). Reconnects after a failure,
 * continuing after the last event received (Last-Event-ID).
 */
export function follow({onEvent, onState, after = null}) {
    let lastEventId = after;
    let stopped = false;
    const controller = new AbortController();

    async function connect() {
        if (!signedIn()) {
            onState('signed-out');
            return;
        }
        const requestHeaders = headers({Accept: 'text/event-stream'});
        if (lastEventId !== null) {
            requestHeaders['Last-Event-ID'] = lastEventId;
        }
        onState('connecting');
        const response = await fetch('/api/v1/stream', {
            headers: requestHeaders, credentials: 'same-origin', signal: controller.signal
        });
        if (response.status === 401) {
            session = null;
            onState('signed-out');
            return;
        }
        if (!response.ok) {
            throw new Error('live feed refused: ' + response.status);
        }
        onState('live');
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let message = {data: []};
        for (;;) {
            const {value, done} = await reader.read();
            if (done) {
                throw new Error('live feed closed');
            }
            buffer += value;
            let newline;
            while ((newline = buffer.search(/\r?\n/)) >= 0) {
                const line = buffer.substring(0, newline);
                buffer = buffer.substring(newline + (buffer[newline] === '\r' ? 2 : 1));
                if (line === '') {
                    if (message.data.length) {
                        if (message.id !== undefined) {
                            lastEventId = message.id;
                        }
                        onEvent(message.event || 'message', JSON.parse(message.data.join('\n')), message.id);
                    }
                    message = {data: []};
                } else if (line.startsWith(':')) {
                    onState('live'); // heartbeat
                } else {
                    const colon = line.indexOf(':');
                    const field = colon < 0 ? line : line.substring(0, colon);
                    const text = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
                    if (field === 'data') {
                        message.data.push(text);
                    } else if (field === 'id') {
                        message.id = text;
                    } else if (field === 'event') {
                        message.event = text;
                    }
                }
            }
        }
    }

    let delay = 1000;
    (async () => {
        while (!stopped) {
            try {
                await connect();
                if (!signedIn()) {
                    return;
                }
            } catch (e) {
                if (stopped) {
                    return;
                }
                onState('offline');
            }
            await new Promise(resolve => setTimeout(resolve, delay));
            delay = Math.min(delay * 2, 15000);
        }
    })();

    return () => {
        stopped = true;
        controller.abort();
    };
}

/**
 * Follows the live feed once per browser rather than once per tab. A browser opens at most six connections to one
 * server over HTTP/1.1, so a feed in every tab would leave a seventh tab none. The tab holding the lock
 * 'dyad-live-feed' (Web Locks) follows the feed and passes each event and state on to the other tabs
 * (BroadcastChannel); when it closes or its page is left, another tab takes the lock and follows on from the last
 * event passed, so nothing is missed.
 */
export function followShared({onEvent, onState}) {
    if (!('locks' in navigator) || typeof BroadcastChannel === 'undefined') {
        return follow({onEvent, onState});
    }
    const channel = new BroadcastChannel('dyad-live-feed');
    const waiting = new AbortController();
    let lastEventId = null;
    let stopFollowing = null;
    let releaseLock = null;
    let stopped = false;
    let leaderState = null;
    channel.onmessage = ({data}) => {
        if (data.kind === 'hello') {
            if (stopFollowing && leaderState) {
                channel.postMessage({kind: 'state', state: leaderState});
            }
        } else if (data.kind === 'event') {
            lastEventId = data.id ?? lastEventId;
            onEvent(data.type, data.event);
        } else if (data.kind === 'state') {
            onState(data.state);
        }
    };
    onState('connecting');
    channel.postMessage({kind: 'hello'}); // the tab following the feed answers with its state
    navigator.locks.request('dyad-live-feed', {signal: waiting.signal}, () => new Promise(resolve => {
        releaseLock = resolve;
        if (stopped) {
            resolve();
            return;
        }
        stopFollowing = follow({
            after: lastEventId,
            onEvent: (type, event, id) => {
                onEvent(type, event);
                channel.postMessage({kind: 'event', type, event, id});
            },
            onState: liveState => {
                leaderState = liveState;
                onState(liveState);
                channel.postMessage({kind: 'state', state: liveState});
                if (liveState === 'signed-out') {
                    resolve(); // the feed is given up: a tab signed in again may take the lock
                }
            }
        });
    })).catch(() => {
        // stopped while waiting for the lock
    });
    return () => {
        stopped = true;
        waiting.abort();
        if (stopFollowing) {
            stopFollowing();
        }
        if (releaseLock) {
            releaseLock();
        }
        channel.close();
    };
}

/**
 * Sends a write with any method (POST, PUT, DELETE ...): the session cookie authenticates it and the session's CSRF
 * token goes in the header the session names. Answers the JSON the API gives, or null when it answers no content; a
 * refusal is an ApiProblem.
 */
export async function sendJson(method, path, body) {
    if (!signedIn()) {
        throw new SignInRequired();
    }
    const response = await fetch(path, {
        method, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
        headers: headers({'Content-Type': 'application/json', [session.csrfHeader]: session.csrfToken})
    });
    if (response.status === 401) {
        session = null;
        throw new SignInRequired();
    }
    if (!response.ok) {
        throw new ApiProblem(await problemOf(response));
    }
    return response.status === 204 ? null : response.json();
}
