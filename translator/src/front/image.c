/*
 * front/image.c: `docker image inspect` output into Image.Config
 * (image.h). rule: front.image-inspect
 */
#include "image.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "front/tree.h"
#include "load/load.h"
#include "strbuf.h"

static const char *const merged[] = {
	"Env", "Cmd", "Entrypoint", "WorkingDir", "User", "Volumes",
	"ArgsEscaped",
};

/* The one image object of the file, or NULL after a diagnostic. */
static const struct node *the_image(struct diag_list *d, const struct node *root)
{
	if (root->kind == NODE_SEQ && root->n == 1 &&
	    root->items[0]->kind == NODE_MAP)
		return root->items[0];
	if (root->kind == NODE_MAP)
		return root;
	diag_error(d, root->pos, "--image-inspect takes the output of 'docker "
				 "image inspect' for one image (a list of one "
				 "object, or the object)");
	return NULL;
}

static enum hcsc_rc take_config(struct arena *a, struct diag_list *d,
				const struct node *img, struct node **config)
{
	const struct node *os = node_get_ci(img, "Os");
	const struct node *cfg = node_get_ci(img, "Config");
	struct node *out;

	if (os && os->kind == NODE_STR && !ascii_eqi(os->text, "windows"))
		return diag_error(d, os->pos, "image operating system \"%s\" cannot "
					      "be used on this platform",
				  os->text);
	if (cfg && cfg->kind != NODE_MAP && cfg->kind != NODE_NULL)
		return diag_error(d, cfg->pos, "'Config' in the image must be a "
					       "mapping, not %s",
				  node_kind_name(cfg->kind));
	out = tree_map(a, cfg ? cfg->pos : img->pos);
	for (size_t i = 0; cfg && cfg->kind == NODE_MAP && i < cfg->n; i++)
		for (size_t k = 0; k < sizeof(merged) / sizeof(merged[0]); k++)
			if (ascii_eqi(cfg->pairs[i].key->text, merged[k]))
				tree_put(a, out, merged[k], cfg->pairs[i].val);
	*config = out;
	return HCSC_OK;
}

enum hcsc_rc image_inspect_load(struct arena *a, struct diag_list *d,
				const char *path, struct node **config,
				const char **err)
{
	struct strbuf buf = STRBUF_INIT;
	struct node *root = NULL;
	const struct node *img;
	const char *display = arena_strdup(a, path);
	enum hcsc_rc rc = load_read_file(a, d, path, display, &buf, err);

	if (rc == HCSC_OK)
		rc = load_parse(a, d, display, buf.buf, buf.len, LOAD_AUTO, &root);
	strbuf_release(&buf);
	if (rc != HCSC_OK)
		return rc;
	img = the_image(d, root);
	return img ? take_config(a, d, img, config) : HCSC_E_INPUT;
}
