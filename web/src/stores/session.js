import { defineStore } from 'pinia';
import { ApiProblem, onSessionEnded } from '../api/http.js';
import { currentUser, signOut } from '../api/platform.js';

const RETURN_KEY = 'dangjian.returnTo';

/**
 * The signed-in user. state: 'loading' → 'signedIn' | 'signedOut' | 'failed'. A 401 from any API later on ends
 * the session in the browser too (the sign-in page then says that it expired).
 */
export const useSession = defineStore('session', {
  state: () => ({ state: 'loading', user: null, expired: false, error: null }),
  getters: {
    roles: (s) => s.user?.roles || [],
    signedIn: (s) => s.state === 'signedIn',
  },
  actions: {
    async load() {
      onSessionEnded(() => this.ended());
      try {
        this.user = await currentUser();
        this.state = 'signedIn';
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 401) {
          this.state = 'signedOut';
        } else {
          this.state = 'failed';
          this.error = e;
        }
      }
    },
    ended() {
      if (this.state === 'signedIn') {
        this.expired = true;
      }
      this.state = 'signedOut';
      this.user = null;
    },
    /** Before the trip to the identity provider: remember the page asked for, to come back to it. */
    rememberPage(path) {
      if (path && path !== '/') {
        sessionStorage.setItem(RETURN_KEY, path);
      }
    },
    /** The page remembered before signing in (once). */
    takeRememberedPage() {
      const path = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
      return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
    },
    async signOut() {
      const next = await signOut();
      this.state = 'signedOut';
      this.user = null;
      window.location.assign(next);
    },
  },
});
