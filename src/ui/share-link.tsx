import { createContext, useContext, type ReactNode } from 'react';

/** Turns an app route (`#/ledelse?...`) into a link someone else can open. */
export type ShareLinkBuilder = (route: string) => string;

/** Standalone: this page's address with the route as its hash. */
export const pageShareLink: ShareLinkBuilder = (route) => {
  const url = new URL(window.location.href);
  url.hash = route;
  return url.href;
};

const ShareLinkContext = createContext<ShareLinkBuilder>(pageShareLink);

/** The host decides what a shareable link is (Teams: a deep link to the app's tab). */
export function ShareLinkProvider({ build, children }: { build: ShareLinkBuilder; children: ReactNode }) {
  return <ShareLinkContext.Provider value={build}>{children}</ShareLinkContext.Provider>;
}

/** The link builder of the host the app runs in. */
export function useShareLink(): ShareLinkBuilder {
  return useContext(ShareLinkContext);
}
