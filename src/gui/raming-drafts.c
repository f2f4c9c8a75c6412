/* raming-drafts.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "raming-drafts.h"

/* Autosave writes here, never to the adviser's own file: a draft is
 * $XDG_DATA_HOME/io.github.raming.Raming/drafts/<id>.raming with a small
 * key file <id>.draft beside it that says which file it belongs to. A
 * clean close or a save removes both; what is left at start-up is what a
 * crash or a kill left behind, and is offered back. */

#define DRAFT_GROUP "Draft"

char *
raming_drafts_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

char *
raming_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
draft_path (const char *id,
            const char *extension)
{
  g_autofree char *dir = raming_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
raming_drafts_save (const char      *id,
                    RamingDocument  *document,
                    GError         **error)
{
  g_autofree char *dir = raming_drafts_get_dir ();
  g_autofree char *path = draft_path (id, ".raming");
  g_autofree char *info_path = draft_path (id, ".draft");
  g_autofree char *data = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  GFile *original;
  gsize length;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder for drafts “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  original = raming_document_get_file (document);
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_autofree char *name = g_file_get_basename (original);

      g_key_file_set_string (key_file, DRAFT_GROUP, "original", uri);
      g_key_file_set_string (key_file, DRAFT_GROUP, "title", name);
      if (raming_document_get_file_etag (document) != NULL)
        g_key_file_set_string (key_file, DRAFT_GROUP, "etag", raming_document_get_file_etag (document));
    }
  else if (raming_document_get_title (document) != NULL)
    g_key_file_set_string (key_file, DRAFT_GROUP, "title", raming_document_get_title (document));

  /* The document first: a key file without its draft is ignored, a draft
   * without its key file is still offered. */
  data = raming_document_save_to_data (document, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  info = g_key_file_to_data (key_file, &length, NULL);
  return g_file_set_contents_full (info_path, info, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
raming_drafts_remove (const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;

  if (id == NULL)
    return;
  path = draft_path (id, ".raming");
  info_path = draft_path (id, ".draft");
  g_unlink (path);
  g_unlink (info_path);
}

void
raming_draft_free (RamingDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_free (draft->path);
  g_free (draft->title);
  g_free (draft->etag);
  g_clear_object (&draft->original);
  g_free (draft);
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const RamingDraft *x = *(RamingDraft **) a;
  const RamingDraft *y = *(RamingDraft **) b;

  return (x->modified > y->modified) - (x->modified < y->modified);
}

/* The drafts on disk, oldest first. */
GPtrArray *
raming_drafts_list (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) raming_draft_free);
  g_autofree char *dir_path = raming_drafts_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return drafts;

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *uri = NULL;
      GStatBuf buf;
      RamingDraft *draft;

      if (!g_str_has_suffix (name, ".raming"))
        continue;

      draft = g_new0 (RamingDraft, 1);
      draft->id = g_strndup (name, strlen (name) - strlen (".raming"));
      draft->path = g_build_filename (dir_path, name, NULL);
      if (g_stat (draft->path, &buf) == 0)
        draft->modified = buf.st_mtime;

      info_path = draft_path (draft->id, ".draft");
      if (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL))
        {
          uri = g_key_file_get_string (key_file, DRAFT_GROUP, "original", NULL);
          draft->title = g_key_file_get_string (key_file, DRAFT_GROUP, "title", NULL);
          draft->etag = g_key_file_get_string (key_file, DRAFT_GROUP, "etag", NULL);
        }
      if (uri != NULL)
        draft->original = g_file_new_for_uri (uri);
      if (draft->title == NULL)
        draft->title = g_strdup (_("Untitled analysis"));

      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_drafts);
  return drafts;
}

/* The draft's content, belonging to its original file and marked as
 * changed: it is not what that file holds. */
RamingDocument *
raming_draft_load (RamingDraft  *draft,
                   GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(RamingDocument) document = NULL;
  gsize length;

  g_return_val_if_fail (draft != NULL, NULL);

  if (!g_file_get_contents (draft->path, &data, &length, error))
    return NULL;
  document = raming_document_load_from_data (data, length, error);
  if (document == NULL)
    return NULL;
  if (draft->original != NULL)
    {
      raming_document_set_file (document, draft->original);
      /* Saving it checks the file against what it was before the crash. */
      raming_document_set_file_etag (document, draft->etag);
    }
  raming_document_set_modified (document, TRUE);
  return g_steal_pointer (&document);
}
