// Dyad's REST API and live feed, with the signed-in user's credentials.

const CREDENTIALS = 'dyad.credentials';

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
    return sessionStorage.getItem(CREDENTIALS) !== null;
}

export function userName() {
    const value = sessionStorage.getItem(CREDENTIALS) || '';
    if (value.startsWith('Basic ')) {
        return decodeURIComponent(escape(atob(value.substring(6)))).split(':')[0];
    }
    return value ? 'token' : '';
}

/** Tries the credentials on a viewer's endpoint and keeps them for this tab when they work. */
export async function signIn({user, password, token}) {
    const value = token ? 'Bearer ' + token.trim()
        : 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
    const response = await fetch('/api/v1/actors', {headers: headers(value)});
    if (!response.ok) {
        throw new ApiProblem(await problemOf(response));
    }
    sessionStorage.setItem(CREDENTIALS, value);
}

export function signOut() {
    sessionStorage.removeItem(CREDENTIALS);
}

function headers(credentials) {
    // X-Requested-With keeps the browser from prompting for credentials itself on a 401
    return {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', Authorization: credentials};
}

async function problemOf(response) {
    try {
        return await response.json();
    } catch (e) {
        return {status: response.status, title: response.statusText};
    }
}

/** GET a JSON answer; parameters that are null, undefined or empty are left out. */
export async function getJson(path, params = {}) {
    const credentials = sessionStorage.getItem(CREDENTIALS);
    if (credentials === null) {
        throw new SignInRequired();
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== null && value !== undefined && value !== '') {
            query.append(name, value);
        }
    }
    const search = query.toString();
    const response = await fetch(path + (search ? '?' + search : ''), {headers: headers(credentials)});
    if (response.status === 401) {
        signOut();
        throw new SignInRequired();
    }
    if (!response.ok) {
        throw new ApiProblem(await problemOf(response));
    }
    return response.json();
}

/**
 * Follows the live feed (Server-Sent Events) with the credentials in a header, which EventSource cannot send.
 * Reconnects after a failure, continuing after the last event received (Last-Event-ID).
 */
export function follow({onEvent, onState}) {
    let lastEventId = null;
    let stopped = false;
    const controller = new AbortController();

    async function connect() {
        const credentials = sessionStorage.getItem(CREDENTIALS);
        if (credentials === null) {
            onState('signed-out');
            return;
        }
        const requestHeaders = {...headers(credentials), Accept: 'text/event-stream'};
        if (lastEventId !== null) {
            requestHeaders['Last-Event-ID'] = lastEventId;
        }
        onState('connecting');
        const response = await fetch('/api/v1/stream', {headers: requestHeaders, signal: controller.signal});
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
                        onEvent(message.event || 'message', JSON.parse(message.data.join('\n')));
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
                if (!sessionStorage.getItem(CREDENTIALS)) {
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
