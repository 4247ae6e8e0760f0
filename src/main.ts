// `npm start`: the web server. Module loading is sped up first, so the server and everything it
// imports are loaded only afterwards, through a dynamic import.
import { speedUpModuleLoading } from "./module-loading.ts";

speedUpModuleLoading();
await import("./server.ts");
