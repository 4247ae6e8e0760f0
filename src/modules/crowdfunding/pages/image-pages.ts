import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/app-env.ts";
import { callForPage } from "../../../platform/http/page-call.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { renderPage, requireActor } from "../../../platform/http/render.ts";
import { button, fileUpload, html, textInput } from "../../../platform/ui/index.ts";
import { addCampaignImage } from "../commands/add-campaign-image.ts";
import { getCampaign, getCampaignToEdit } from "../queries/campaign-detail.ts";
import { getCampaignImage } from "../queries/campaign-image.ts";

// Campaign images: uploaded by the group or an officer, each with alternative text.

export const imagePages = new Hono<AppEnv>();

async function imagesPage(
  c: import("hono").Context<AppEnv>,
  altText: string,
  errors: Record<string, string>,
) {
  const actor = requireActor(c);
  const detail = await getCampaign(c.get("services").database.db, actor, c.req.param("id") ?? "");
  const base = `/crowdfunding/campaigns/${detail.campaign.id}`;
  return renderPage(c, {
    title: `Images for ${detail.campaign.title}`,
    errors,
    status: Object.keys(errors).length ? 422 : 200,
    backLink: base,
    content: html`<span class="govuk-caption-l">${detail.campaign.reference}</span>
      <h1 class="govuk-heading-l">Campaign images</h1>
      ${detail.images.map((image) => html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-4"><img src="${base}/images/${image.id}" alt="${image.altText}" class="govuk-!-width-one-half"><figcaption class="govuk-body-s">${image.altText}</figcaption></figure>`)}
      <form method="post" enctype="multipart/form-data" novalidate><input type="hidden" name="_csrf" value="${c.get("csrfToken")}">
      ${fileUpload({ name: "image", label: "Upload an image", hint: "PNG, JPEG or WebP, smaller than 2 MB. Up to 5 images.", error: errors.image, accept: "image/png,image/jpeg,image/webp" })}
      ${textInput({ name: "altText", label: "Describe the image", hint: "For people who cannot see it, for example “Volunteers planting the first raised bed”.", value: altText, error: errors.altText })}
      ${button({ text: "Upload image" })}</form>`,
  });
}

imagePages.get("/crowdfunding/campaigns/:id/images", async (c) => {
  await getCampaignToEdit(
    c.get("services").database.db,
    requireActor(c),
    c.req.param("id"),
    "Only the group running this campaign or an officer can add images.",
  );
  return imagesPage(c, "", {});
});

imagePages.post("/crowdfunding/campaigns/:id/images", async (c) => {
  const actor = requireActor(c);
  const body = await c.req.parseBody();
  const file = body.image;
  const altText = typeof body.altText === "string" ? body.altText : "";
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  try {
    await callForPage(c, addCampaignImage, actor, c.req.param("id"), {
      altText,
      bytes,
    });
    return c.redirect(`/crowdfunding/campaigns/${c.req.param("id")}/images`, 303);
  } catch (error) {
    if (error instanceof Problem && error.status === 422)
      return imagesPage(c, altText, error.fieldErrors ?? {});
    throw error;
  }
});

imagePages.get("/crowdfunding/campaigns/:id/images/:image", async (c) => {
  const actor = requireActor(c);
  const image = await getCampaignImage(
    c.get("services").database.db,
    actor,
    c.req.param("id"),
    c.req.param("image"),
  );
  return c.body(image.bytes, 200, {
    "Content-Type": image.contentType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=300",
  });
});
