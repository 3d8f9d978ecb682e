// Reads .eml files with nodemailer's mailparser and prints, as JSON, each message's headers
// (lower-case names, as the raw lines say them unfolded), its text and HTML, and its
// attachments (content type, parameters, file name, disposition, whether inside the
// alternatives, content as UTF-8 text).
// Usage: node mail_parts.mjs <path to mailparser's index.js> <file.eml>...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [library, ...files] = process.argv.slice(2);
const { simpleParser } = await import(pathToFileURL(library).href);
// the MIME tree, by mailparser's own splitter (mailsplit, installed with it)
const { Splitter } = createRequire(resolve(library))("@zone-eu/mailsplit");

function tree(data) {
  return new Promise((resolve, reject) => {
    const nodes = [];
    const splitter = new Splitter();
    splitter.on("data", (chunk) => {
      if (chunk.type === "node") {
        let depth = 0;
        for (let up = chunk.parentNode; up; up = up.parentNode) depth += 1;
        nodes.push([depth, chunk.contentType || "text/plain"]);
      }
    });
    splitter.on("end", () => resolve(nodes));
    splitter.on("error", reject);
    splitter.end(data);
  });
}

function address(value) {
  return value ? value.value.map((a) => ({ name: a.name, address: a.address })) : [];
}

const out = {};
for (const file of files) {
  const data = readFileSync(file);
  const parsed = await simpleParser(data, { skipTextToHtml: true });
  const headers = {};
  for (const line of parsed.headerLines) {
    headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
  }
  const content = parsed.headers.get("content-type");
  out[file] = {
    headers,
    contentType: content ? content.value : null,
    tree: await tree(data),
    date: parsed.date ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    subject: parsed.subject ?? null,
    from: address(parsed.from),
    to: address(parsed.to),
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments: parsed.attachments.map((a) => ({
      contentType: a.contentType,
      params: a.headers.get("content-type")?.params ?? {},
      filename: a.filename ?? null,
      disposition: a.contentDisposition ?? null,
      related: a.related ?? false,
      content: a.content.toString("utf8"),
    })),
  };
}
process.stdout.write(JSON.stringify(out));
