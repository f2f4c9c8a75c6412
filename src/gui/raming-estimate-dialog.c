/* raming-estimate-dialog.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raming-estimate-dialog.h"
#include "raming-format.h"

/* A national (AEF) estimate of a measure, new or to change: its label, a
 * range (low and high) or only a maximum, and where it comes from. Save
 * stays off, with the reason under the fields, until the figures can be
 * used; then the change goes into the document as one step to undo. */

/* More than the whole national youth-care budget several times over: a
 * typing error, not an estimate. */
#define ABSURD_ESTIMATE 100e9

typedef struct
{
  RamingDocument *document;
  RamingMeasure  *measure;
  RamingEstimate *estimate;     /* NULL for a new one */
  GStrv           source_ids;   /* per combo position; [0] is "none" */

  GtkWidget *label_row;
  GtkWidget *maximum_switch;
  GtkWidget *low_row;
  GtkWidget *high_row;
  GtkWidget *source_row;
  GtkWidget *page_row;
  GtkWidget *problem;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_clear_object (&dialog->document);
  g_clear_object (&dialog->measure);
  g_clear_object (&dialog->estimate);
  g_strfreev (dialog->source_ids);
  g_free (dialog);
}

static gboolean
read_figure (Dialog      *dialog,
             GtkWidget   *row,
             double      *value,
             char       **problem)
{
  RamingLanguage language = raming_document_get_language (dialog->document);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autoptr(GError) error = NULL;

  if (!raming_parse_number (text, language, value, &error))
    {
      /* Translators: the name of a field, then what is wrong with it */
      *problem = g_strdup_printf (_("%s: %s"), name, error->message);
      return FALSE;
    }
  if (!isfinite (*value) || *value < 0)
    {
      *problem = g_strdup_printf (_("%s: a national estimate is a saving and cannot be negative"), name);
      return FALSE;
    }
  if (*value > ABSURD_ESTIMATE)
    {
      *problem = g_strdup_printf (_("%s: more than € 100 billion cannot be an estimate for youth care; check the number"),
                                  name);
      return FALSE;
    }
  return TRUE;
}

/* Whether the fields can be saved; if not, why. */
static gboolean
validate (Dialog  *dialog,
          double  *low,
          double  *high,
          char   **problem)
{
  gboolean maximum = gtk_switch_get_active (GTK_SWITCH (dialog->maximum_switch));

  *low = *high = 0;
  if (!maximum && !read_figure (dialog, dialog->low_row, low, problem))
    return FALSE;
  if (!read_figure (dialog, dialog->high_row, high, problem))
    return FALSE;
  if (maximum)
    *low = 0;
  else if (*low > *high)
    {
      *problem = g_strdup (_("The low figure is above the high figure"));
      return FALSE;
    }
  return TRUE;
}

static void
update (AdwMessageDialog *message_dialog)
{
  Dialog *dialog = g_object_get_data (G_OBJECT (message_dialog), "raming-dialog");
  gboolean maximum = gtk_switch_get_active (GTK_SWITCH (dialog->maximum_switch));
  g_autofree char *problem = NULL;
  double low, high;
  gboolean ok;

  gtk_widget_set_visible (dialog->low_row, !maximum);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->high_row),
                                 maximum ? _("At most (national)") : _("High (national)"));
  ok = validate (dialog, &low, &high, &problem);
  gtk_label_set_label (GTK_LABEL (dialog->problem), problem ? problem : "");
  gtk_widget_set_visible (dialog->problem, problem != NULL);
  adw_message_dialog_set_response_enabled (message_dialog, "save", ok);
}

static void
on_response (AdwMessageDialog *message_dialog,
             const char       *response)
{
  Dialog *dialog = g_object_get_data (G_OBJECT (message_dialog), "raming-dialog");
  g_autofree char *problem = NULL;
  g_autofree char *label = NULL;
  g_autofree char *page = NULL;
  const char *source;
  gboolean maximum;
  double low, high;
  guint position;

  if (g_strcmp0 (response, "save") != 0 || !validate (dialog, &low, &high, &problem))
    return;

  maximum = gtk_switch_get_active (GTK_SWITCH (dialog->maximum_switch));
  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->label_row))));
  page = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->page_row))));
  position = adw_combo_row_get_selected (ADW_COMBO_ROW (dialog->source_row));
  source = position != GTK_INVALID_LIST_POSITION && position > 0 ? dialog->source_ids[position] : NULL;

  if (dialog->estimate != NULL)
    {
      raming_document_begin_edit (dialog->document, _("Change National Estimate"));
      raming_document_edit (dialog->document, dialog->estimate,
                            "label", *label ? label : NULL,
                            "maximum", maximum,
                            "low", low,
                            "high", high,
                            "source", source,
                            "page", *page ? page : NULL,
                            NULL);
      raming_document_end_edit (dialog->document);
    }
  else
    {
      GListModel *estimates = raming_measure_get_estimates (dialog->measure);
      g_autoptr(RamingEstimate) estimate = maximum ? raming_estimate_new_maximum (*label ? label : NULL, high)
                                                   : raming_estimate_new_range (*label ? label : NULL, low, high);

      raming_estimate_set_source (estimate, source);
      raming_estimate_set_page (estimate, *page ? page : NULL);
      raming_document_insert_item (dialog->document, estimates, g_list_model_get_n_items (estimates), estimate);
    }
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *name,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static char *
figure_text (RamingDocument *document,
             double          value)
{
  /* As the adviser would type it: the document's decimal comma, no
   * thousands separators to trip over. */
  g_autofree char *text = g_strdup_printf ("%.15g", value);

  if (raming_document_get_language (document) == RAMING_LANGUAGE_NL)
    g_strdelimit (text, ".", ',');
  return g_steal_pointer (&text);
}

/**
 * raming_estimate_dialog_present:
 * @parent: a widget in the window to put the dialog over
 * @estimate: (nullable): the estimate to change, or %NULL for a new one
 *
 * Returns: (transfer none): the dialog, for the tests
 */
GtkWindow *
raming_estimate_dialog_present (GtkWidget      *parent,
                                RamingDocument *document,
                                RamingMeasure  *measure,
                                RamingEstimate *estimate)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GListModel *sources = raming_document_get_sources (document);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  const char *current_source = estimate ? raming_estimate_get_source (estimate) : NULL;
  guint selected = 0;
  Dialog *dialog = g_new0 (Dialog, 1);
  GtkWidget *message_dialog;
  GtkWidget *box, *list, *row;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RAMING_IS_MEASURE (measure), NULL);

  dialog->document = g_object_ref (document);
  dialog->measure = g_object_ref (measure);
  dialog->estimate = estimate ? g_object_ref (estimate) : NULL;

  message_dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           estimate ? _("Change National Estimate") : _("New National Estimate"),
                                           NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message_dialog),
                                  _("The AEF estimate for the whole country; Raming translates it to “%s” with the macro share."),
                                  raming_document_get_municipality (document)
                                  ? raming_document_get_municipality (document) : _("the municipality"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message_dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message_dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message_dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message_dialog), "cancel");
  g_object_set_data_full (G_OBJECT (message_dialog), "raming-dialog", dialog, (GDestroyNotify) dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  dialog->label_row = entry_row (list, _("Label"), "label",
                                 estimate ? raming_estimate_get_label (estimate) : NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Only a maximum"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The source gives an upper limit, not a range"));
  dialog->maximum_switch = gtk_switch_new ();
  gtk_widget_set_name (dialog->maximum_switch, "maximum");
  gtk_widget_set_valign (dialog->maximum_switch, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (dialog->maximum_switch), estimate && raming_estimate_get_maximum (estimate));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dialog->maximum_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dialog->maximum_switch);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  {
    g_autofree char *low = estimate ? figure_text (document, raming_estimate_get_low (estimate)) : NULL;
    g_autofree char *high = estimate ? figure_text (document, raming_estimate_get_high (estimate)) : NULL;

    dialog->low_row = entry_row (list, _("Low (national)"), "low", low);
    dialog->high_row = entry_row (list, _("High (national)"), "high", high);
  }

  gtk_string_list_append (titles, _("None"));
  g_strv_builder_add (ids, "");
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(RamingSource) source = g_list_model_get_item (sources, i);
      const char *id = raming_source_get_id (source);

      gtk_string_list_append (titles, raming_source_get_title (source) ? raming_source_get_title (source) : id);
      g_strv_builder_add (ids, id);
      if (g_strcmp0 (id, current_source) == 0)
        selected = i + 1;
    }
  dialog->source_ids = g_strv_builder_end (ids);
  dialog->source_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->source_row), _("Source"));
  gtk_widget_set_name (dialog->source_row, "source");
  adw_combo_row_set_model (ADW_COMBO_ROW (dialog->source_row), G_LIST_MODEL (titles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog->source_row), selected);
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->source_row);

  dialog->page_row = entry_row (list, _("Page or section"), "page",
                                estimate ? raming_estimate_get_page (estimate) : NULL);

  dialog->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (dialog->problem), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (dialog->problem), 20);
  gtk_label_set_xalign (GTK_LABEL (dialog->problem), 0);
  gtk_widget_add_css_class (dialog->problem, "error");
  gtk_widget_set_name (dialog->problem, "problem");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->problem),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the estimate cannot be saved"), -1);
  gtk_box_append (GTK_BOX (box), dialog->problem);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message_dialog), box);

  g_signal_connect_swapped (dialog->low_row, "changed", G_CALLBACK (update), message_dialog);
  g_signal_connect_swapped (dialog->high_row, "changed", G_CALLBACK (update), message_dialog);
  g_signal_connect_swapped (dialog->maximum_switch, "notify::active", G_CALLBACK (update), message_dialog);
  g_signal_connect (message_dialog, "response", G_CALLBACK (on_response), NULL);
  update (ADW_MESSAGE_DIALOG (message_dialog));

  gtk_window_present (GTK_WINDOW (message_dialog));
  gtk_widget_grab_focus (dialog->label_row);
  return GTK_WINDOW (message_dialog);
}
