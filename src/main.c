/* main.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "raming-cli.h"
#include "raming-export.h"

#ifdef RAMING_WITH_GUI
# include "raming-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  g_autofree char *formats = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) files = NULL;
  gboolean include_actions = FALSE;
  gboolean landscape = FALSE;
  gboolean version = FALSE;
  gint64 started_at = g_get_monotonic_time ();
  GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_STRING, &export_format,
      N_("Write the note table of DOCUMENT in FORMAT, without opening a window"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write the export to"), N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the export: nl or en (default: the document’s)"), N_("LANGUAGE") },
    { "with-actions", 0, 0, G_OPTION_ARG_NONE, &include_actions,
      N_("Add the action items to the appendix"), NULL },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Lay the PDF and ODT pages out in landscape (A4)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[DOCUMENT…]") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The application names itself (“Raming”) when the window starts. */
  g_set_prgname ("raming");

  formats = raming_export_format_list ();
  description = g_strdup_printf (_("Without --export, Raming opens the documents in a window.\n"
                                   "Export formats: %s.\n"
                                   "Example: raming --export=csv --output=tabel.csv analyse.raming"),
                                 formats);

  /* The command line is parsed here, before any toolkit is touched, so
   * that exporting works with no display at all. */
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Realistic savings estimates for youth care, and the table for the council note."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("raming: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("raming %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (export_format != NULL)
    {
      if (files != NULL && g_strv_length (files) > 1)
        {
          g_printerr (_("raming: export one document at a time\n"));
          return 2;
        }
      return raming_cli_export (files != NULL ? files[0] : NULL, export_format, output,
                                language, include_actions, landscape);
    }

  if (output != NULL || language != NULL || include_actions || landscape)
    {
      g_printerr (_("raming: --output, --language, --with-actions and --landscape go with --export\n"));
      return 2;
    }

#ifdef RAMING_WITH_GUI
  return raming_application_run ((const char * const *) files, started_at);
#else
  g_printerr (_("raming: this build has no window; use --export\n"));
  return 2;
#endif
}
