import "./styles.css";
import { homePage } from "./pages/home";
import { joinPage } from "./pages/join";
import { sessionPage } from "./pages/session";
import { libraryPage } from "./pages/library";
import { documentPage } from "./pages/document";
import { auditPage } from "./pages/audit";
import { managePage } from "./pages/manage";
import { adminPage } from "./pages/admin";
import { h, clear } from "./dom";
import { learnGateways } from "./gateways";

const root = document.getElementById("app")!;
let leave: (() => void) | undefined;

function go(path: string): void {
  history.pushState(null, "", path);
  void route();
}

async function route(): Promise<void> {
  const path = location.pathname;
  leave?.();
  leave = undefined;
  try {
    const join = /^\/join\/([^/]+)$/.exec(path);
    const session = /^\/sessions\/([0-9a-f-]{36})$/i.exec(path);
    const library = /^\/communities\/([0-9a-f-]{36})\/library$/i.exec(path);
    const plan = /^\/documents\/([0-9a-f-]{36})$/i.exec(path);
    const audit = /^\/communities\/([0-9a-f-]{36})\/audit$/i.exec(path);
    const manage = /^\/communities\/([0-9a-f-]{36})\/manage$/i.exec(path);
    if (join) joinPage(root, decodeURIComponent(join[1]), go);
    else if (session) leave = await sessionPage(root, session[1]);
    else if (library) await libraryPage(root, library[1], go);
    else if (plan) leave = await documentPage(root, plan[1], go);
    else if (audit) await auditPage(root, audit[1], go);
    else if (manage) await managePage(root, manage[1], go);
    else if (path === "/admin") adminPage(root, go);
    else await homePage(root, go);
  } catch (e) {
    clear(root, h("main", { class: "card" }, h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, e instanceof Error ? e.message : String(e))));
  }
}

window.addEventListener("popstate", () => void route());
// The page's own gateway comes first in the list either way, so the page need not wait to learn the others.
void learnGateways();
void route();
