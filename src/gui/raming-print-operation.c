/* raming-print-operation.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "raming-note-renderer.h"
#include "raming-note-table.h"
#include "raming-print-operation.h"

/* Printing draws the same pages as the PDF export: the note table laid
 * out by RamingNoteRenderer, on the paper of the page setup (A4 unless
 * the adviser chose otherwise), with the renderer's own 2 cm margins or
 * more when the printer cannot print that close to the edge.
 *
 * The print dialog, its preview and an export to a file all go through
 * begin-print and draw-page below. What the adviser chose in the dialog
 * (printer, paper, orientation, the action items) is kept in GSettings
 * for the next time, and the orientation also for the exports. */

struct _RamingPrintOperation
{
  GtkPrintOperation parent_instance;

  RamingDocument *document;
  RamingLanguage language;
  GSettings *settings;
  RamingNoteRenderer *renderer;
  guint n_pages;
  GError *error;

  gboolean include_actions;
  gboolean dialog_shown;
};

G_DEFINE_FINAL_TYPE (RamingPrintOperation, raming_print_operation, GTK_TYPE_PRINT_OPERATION)

/* ---------------------------------------------------------------- */
/* Remembered settings */

static gboolean
is_landscape (GtkPageOrientation orientation)
{
  return orientation == GTK_PAGE_ORIENTATION_LANDSCAPE ||
         orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;
}

static GVariant *
stored_dictionary (GSettings  *settings,
                   const char *key)
{
  GVariant *value = g_settings_get_value (settings, key);

  /* An empty dictionary: nothing chosen yet. */
  if (g_variant_n_children (value) == 0)
    g_clear_pointer (&value, g_variant_unref);
  return value;
}

/* The page setup used last, else A4; turned to the orientation of the
 * preferences (which the exports follow too), so that printing and
 * exporting never disagree. */
GtkPageSetup *
raming_print_load_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *orientation = NULL;
  GtkPageSetup *page_setup = NULL;
  gboolean landscape;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL && (stored = stored_dictionary (settings, "page-setup")) != NULL)
    page_setup = gtk_page_setup_new_from_gvariant (stored);
  if (page_setup == NULL)
    {
      GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
      gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_paper_size_free (a4);
    }

  if (settings != NULL)
    {
      orientation = g_settings_get_string (settings, "page-orientation");
      landscape = g_strcmp0 (orientation, "landscape") == 0;
      if (landscape != is_landscape (gtk_page_setup_get_orientation (page_setup)))
        gtk_page_setup_set_orientation (page_setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
    }
  return page_setup;
}

GtkPrintSettings *
raming_print_load_print_settings (GSettings *settings)
{
  g_autoptr(GVariant) stored = NULL;
  GtkPrintSettings *print_settings = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL && (stored = stored_dictionary (settings, "print-settings")) != NULL)
    print_settings = gtk_print_settings_new_from_gvariant (stored);
  if (print_settings == NULL)
    print_settings = gtk_print_settings_new ();
  return print_settings;
}

void
raming_print_store_page_setup (GSettings    *settings,
                               GtkPageSetup *page_setup)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  if (settings == NULL)
    return;
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
  g_settings_set_string (settings, "page-orientation",
                         is_landscape (gtk_page_setup_get_orientation (page_setup)) ? "landscape" : "portrait");
}

void
raming_print_store_print_settings (GSettings        *settings,
                                   GtkPrintSettings *print_settings)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_PRINT_SETTINGS (print_settings));

  if (settings == NULL)
    return;
  g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));
}

/* ---------------------------------------------------------------- */
/* Pages */

/* The renderer's 2 cm, or more where the paper's or the printer's
 * margins ask for it; less only on paper too small for 2 cm. */
static double
page_margin (GtkPrintContext *context,
             double           width,
             double           height)
{
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  double margin = RAMING_NOTE_MARGIN_PT;
  double top, bottom, left, right;

  if (page_setup != NULL)
    {
      margin = MAX (margin, gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS));
      margin = MAX (margin, gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS));
      margin = MAX (margin, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS));
      margin = MAX (margin, gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS));
    }
  if (gtk_print_context_get_hard_margins (context, &top, &bottom, &left, &right))
    margin = MAX (margin, MAX (MAX (top, bottom), MAX (left, right)));

  /* What the renderer needs at least between the margins. */
  margin = MIN (margin, (width - 73) / 2);
  margin = MIN (margin, (height - 145) / 2);
  return margin;
}

static void
raming_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);
  g_autoptr(RamingNoteTable) table = NULL;
  RamingExportOptions options = { FALSE };
  /* With the full page and points as the unit: the paper, turned as the
   * page setup says. */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double margin = page_margin (context, width, height);

  g_clear_object (&self->renderer);
  self->n_pages = 0;

  if (margin < 0)
    {
      /* Paper this small (a custom size) cannot hold the table. */
      g_clear_error (&self->error);
      g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The paper is too small for the table. Choose a larger paper size."));
      gtk_print_operation_cancel (operation);
      return;
    }

  /* Built now, not when the dialog opened: the uncertainty band and the
   * totals are those of the document as it is at this moment. */
  table = raming_note_table_new (self->document, self->language);
  options.include_actions = self->include_actions;
  options.landscape = width > height;
  self->renderer = raming_note_renderer_new (table, &options, width, height, margin);
  self->n_pages = raming_note_renderer_paginate (self->renderer, gtk_print_context_get_cairo_context (context));
  gtk_print_operation_set_n_pages (operation, MAX (self->n_pages, 1));
}

static void
raming_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);

  if (self->renderer == NULL || page_nr < 0 || (guint) page_nr >= self->n_pages)
    return;
  raming_note_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
raming_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);

  g_clear_object (&self->renderer);
}

/* ---------------------------------------------------------------- */
/* The “Appendix” tab of the print dialog */

static GtkWidget *
raming_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);
  GtkWidget *box;
  GtkWidget *check;
  GtkWidget *hint;

  self->dialog_shown = TRUE;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  check = gtk_check_button_new_with_mnemonic (_("Include the _action items"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->include_actions);
  gtk_widget_set_name (check, "include-actions");
  gtk_box_append (GTK_BOX (box), check);

  hint = gtk_label_new (_("Lists the action items with their owner, due date and status after the table and its notes."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
  gtk_label_set_width_chars (GTK_LABEL (hint), 20);
  gtk_widget_set_margin_start (hint, 28);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL,
                                  -1);

  g_object_set_data (G_OBJECT (box), "raming-include-actions", check);
  return box;
}

static void
raming_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                            GtkWidget         *widget)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);
  GtkWidget *check = g_object_get_data (G_OBJECT (widget), "raming-include-actions");

  if (check == NULL)
    return;
  raming_print_operation_set_include_actions (self, gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "include-actions-in-appendix", self->include_actions);
}

/* After the dialog was answered with Print or Preview: its choices are
 * kept for the next time. Not after an export to a file, which uses the
 * remembered settings without choosing anything. */
static void
raming_print_operation_done (GtkPrintOperation       *operation,
                             GtkPrintOperationResult  result)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->dialog_shown && self->settings != NULL)
    {
      GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
      GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);

      if (print_settings != NULL)
        raming_print_store_print_settings (self->settings, print_settings);
      if (page_setup != NULL)
        raming_print_store_page_setup (self->settings, page_setup);
    }

  if (GTK_PRINT_OPERATION_CLASS (raming_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (raming_print_operation_parent_class)->done (operation, result);
}

/* ---------------------------------------------------------------- */

static void
raming_print_operation_finalize (GObject *object)
{
  RamingPrintOperation *self = RAMING_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_error (&self->error);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (raming_print_operation_parent_class)->finalize (object);
}

static void
raming_print_operation_class_init (RamingPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = raming_print_operation_finalize;
  operation_class->begin_print = raming_print_operation_begin_print;
  operation_class->draw_page = raming_print_operation_draw_page;
  operation_class->end_print = raming_print_operation_end_print;
  operation_class->create_custom_widget = raming_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = raming_print_operation_custom_widget_apply;
  operation_class->done = raming_print_operation_done;
}

static void
raming_print_operation_init (RamingPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The renderer works in points and keeps its own margins. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the tab of the print dialog with Raming's own options */
  gtk_print_operation_set_custom_tab_label (operation, _("Appendix"));
}

/* @settings may be NULL (no schema installed): A4 portrait without the
 * action items, and nothing remembered. */
RamingPrintOperation *
raming_print_operation_new (RamingDocument *document,
                            RamingLanguage  language,
                            GSettings      *settings)
{
  RamingPrintOperation *self;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;
  g_autofree char *job_name = NULL;
  GFile *file;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAMING_TYPE_PRINT_OPERATION, NULL);
  self->document = g_object_ref (document);
  self->language = language;
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    self->include_actions = g_settings_get_boolean (settings, "include-actions-in-appendix");

  page_setup = raming_print_load_page_setup (settings);
  print_settings = raming_print_load_print_settings (settings);
  /* The dialog shows the page setup; the settings must not say otherwise. */
  gtk_print_settings_set_paper_size (print_settings, gtk_page_setup_get_paper_size (page_setup));
  gtk_print_settings_set_orientation (print_settings, gtk_page_setup_get_orientation (page_setup));
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), print_settings);

  file = raming_document_get_file (document);
  if (file != NULL)
    job_name = g_file_get_basename (file);
  else if (raming_document_get_title (document) != NULL && *raming_document_get_title (document))
    job_name = g_strdup (raming_document_get_title (document));
  else
    job_name = g_strdup (_("Untitled Analysis"));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);

  return self;
}

gboolean
raming_print_operation_get_include_actions (RamingPrintOperation *self)
{
  g_return_val_if_fail (RAMING_IS_PRINT_OPERATION (self), FALSE);
  return self->include_actions;
}

void
raming_print_operation_set_include_actions (RamingPrintOperation *self,
                                            gboolean              include_actions)
{
  g_return_if_fail (RAMING_IS_PRINT_OPERATION (self));
  self->include_actions = !!include_actions;
}

/* The number of pages of the last run (0 before begin-print). */
guint
raming_print_operation_get_n_pages (RamingPrintOperation *self)
{
  g_return_val_if_fail (RAMING_IS_PRINT_OPERATION (self), 0);
  return self->n_pages;
}

/* Why the operation stopped by itself (paper too small for the table):
 * FALSE when it did not. Errors of the print system come from
 * gtk_print_operation_run() or, after an asynchronous run that ended in
 * GTK_PRINT_OPERATION_RESULT_ERROR, gtk_print_operation_get_error(). */
gboolean
raming_print_operation_get_error (RamingPrintOperation  *self,
                                  GError               **error)
{
  g_return_val_if_fail (RAMING_IS_PRINT_OPERATION (self), FALSE);

  if (self->error == NULL)
    return FALSE;
  g_propagate_error (error, g_error_copy (self->error));
  return TRUE;
}
