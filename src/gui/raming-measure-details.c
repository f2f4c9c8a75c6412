/* raming-measure-details.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "raming-estimate-dialog.h"
#include "raming-explain.h"
#include "raming-format.h"
#include "raming-gui-util.h"
#include "raming-measure-details.h"

/* The pane beside the table: the measure's title and note, the national
 * (AEF) ranges it carries, its results per year, how each of its figures
 * was derived (with a way to the assumptions behind them) and the
 * partners and action items linked to it. It shows what the core says
 * and edits through the document; it computes nothing itself. */

struct _RamingMeasureDetails
{
  GtkWidget parent_instance;

  GtkWidget *status;            /* shown without a measure */
  GtkWidget *content;

  GtkWidget *title_row;
  GtkWidget *note_view;
  GtkWidget *footnote_row;
  GtkWidget *estimates_group;
  GtkWidget *estimates_list;
  GtkWidget *results_group;
  GtkWidget *results_list;
  GtkWidget *explain_list;
  GtkWidget *partners_group;
  GtkWidget *partners_list;
  GtkWidget *actions_group;
  GtkWidget *actions_list;

  RamingDocument *document;
  RamingMeasure *measure;

  guint refresh_id;
  guint updating : 1;
};

G_DEFINE_FINAL_TYPE (RamingMeasureDetails, raming_measure_details, GTK_TYPE_WIDGET)

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)))
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
source_text (RamingDocument *document,
             const char     *source_id,
             const char     *page)
{
  RamingSource *source = source_id ? raming_document_find_source (document, source_id) : NULL;
  const char *title = source && raming_source_get_title (source) ? raming_source_get_title (source) : source_id;

  if (title == NULL)
    return NULL;
  if (page != NULL && *page)
    /* Translators: a source and the page or section in it */
    return g_strdup_printf (_("%s, %s"), title, page);
  return g_strdup (title);
}

/* ---------------------------------------------------------------- */
/* National estimates */

static void
on_estimate_edit_clicked (RamingMeasureDetails *self,
                          GtkButton            *button)
{
  RamingEstimate *estimate = g_object_get_data (G_OBJECT (button), "raming-estimate");

  if (self->measure != NULL)
    raming_estimate_dialog_present (GTK_WIDGET (self), self->document, self->measure, estimate);
}

static void
on_estimate_remove_clicked (RamingMeasureDetails *self,
                            GtkButton            *button)
{
  RamingEstimate *estimate = g_object_get_data (G_OBJECT (button), "raming-estimate");
  GListModel *estimates;
  guint position;

  if (self->measure == NULL)
    return;
  estimates = raming_measure_get_estimates (self->measure);
  if (raming_gui_list_find (estimates, estimate, &position))
    raming_document_remove_item (self->document, estimates, position);
}

static void
on_estimate_add_clicked (RamingMeasureDetails *self,
                         GtkButton            *button)
{
  if (self->measure != NULL)
    raming_estimate_dialog_present (GTK_WIDGET (self), self->document, self->measure, NULL);
}

static GtkWidget *
estimate_button (RamingMeasureDetails *self,
                 RamingEstimate       *estimate,
                 const char           *icon_name,
                 const char           *tooltip,
                 GCallback             callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  raming_gui_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "raming-estimate", g_object_ref (estimate), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
fill_estimates (RamingMeasureDetails *self)
{
  GListModel *estimates = raming_measure_get_estimates (self->measure);
  RamingLanguage language = raming_document_get_language (self->document);
  guint n = g_list_model_get_n_items (estimates);

  clear_list (self->estimates_list);

  if (n == 0)
    {
      GtkWidget *row = info_row (_("No national estimates"),
                                 _("Without them, the national column holds what is typed in the table"));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->estimates_list), row);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RamingEstimate) estimate = g_list_model_get_item (estimates, i);
      g_autofree char *low = raming_format_money_short (raming_estimate_get_low (estimate), language);
      g_autofree char *high = raming_format_money_short (raming_estimate_get_high (estimate), language);
      g_autofree char *range = NULL;
      g_autofree char *source = source_text (self->document, raming_estimate_get_source (estimate),
                                             raming_estimate_get_page (estimate));
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      g_autofree char *edit = NULL;
      g_autofree char *remove = NULL;
      GtkWidget *row;

      if (raming_estimate_get_maximum (estimate))
        /* Translators: a national estimate given only as a maximum */
        range = g_strdup_printf (_("at most %s nationally"), high);
      else
        /* Translators: a national estimate given as a range */
        range = g_strdup_printf (_("%s to %s nationally"), low, high);

      label = raming_estimate_get_label (estimate) && *raming_estimate_get_label (estimate)
        ? g_strdup (raming_estimate_get_label (estimate))
        /* Translators: a national estimate without a label, numbered */
        : g_strdup_printf (_("Estimate %u"), i + 1);
      subtitle = source ? g_strdup_printf ("%s\n%s", range, source) : g_strdup (range);
      row = info_row (label, subtitle);
      /* Translators: %s is the label of a national estimate */
      edit = g_strdup_printf (_("Change the national estimate “%s”"), label);
      /* Translators: %s is the label of a national estimate */
      remove = g_strdup_printf (_("Remove the national estimate “%s”"), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 estimate_button (self, estimate, "document-edit-symbolic", edit,
                                                  G_CALLBACK (on_estimate_edit_clicked)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 estimate_button (self, estimate, "user-trash-symbolic", remove,
                                                  G_CALLBACK (on_estimate_remove_clicked)));
      gtk_list_box_append (GTK_LIST_BOX (self->estimates_list), row);
    }
}

/* ---------------------------------------------------------------- */
/* Results per year */

static void
on_result_amount_activate (RamingMeasureDetails *self,
                           GtkEntry             *entry)
{
  RamingResultEntry *result = g_object_get_data (G_OBJECT (entry), "raming-result");
  g_autoptr(GError) error = NULL;
  g_autoptr(RamingCellInput) parsed = NULL;
  g_autoptr(RamingCellInput) input = NULL;

  if (self->document == NULL || result == NULL)
    return;

  parsed = raming_cell_input_new_from_text (gtk_editable_get_text (GTK_EDITABLE (entry)),
                                            raming_document_get_language (self->document), &error);
  if (parsed == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      raming_gui_set_tooltip_text (GTK_WIDGET (entry), error->message);
      gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "dialog-error-symbolic");
      gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  raming_gui_set_tooltip_text (GTK_WIDGET (entry), _("The amount saved, or a formula starting with “=”"));
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, NULL);
  input = raming_gui_keep_input_details (raming_result_entry_get_input (result), parsed);
  raming_document_edit (self->document, result, "input", input, NULL);
}

static void
on_result_label_activate (RamingMeasureDetails *self,
                          GtkEntry             *entry)
{
  RamingResultEntry *result = g_object_get_data (G_OBJECT (entry), "raming-result");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->document == NULL || result == NULL)
    return;
  raming_document_edit (self->document, result, "label", *label ? label : NULL, NULL);
}

static void
on_entry_focus_leave (GtkEventControllerFocus *controller,
                      gpointer                 user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_signal_emit_by_name (entry, "activate");
}

static void
commit_on_leave (GtkWidget *entry)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_entry_focus_leave), NULL);
  gtk_widget_add_controller (entry, controller);
}

static void
on_result_remove_clicked (RamingMeasureDetails *self,
                          GtkButton            *button)
{
  RamingResultEntry *result = g_object_get_data (G_OBJECT (button), "raming-result");
  GListModel *results;
  guint position;

  if (self->measure == NULL)
    return;
  results = raming_measure_get_results (self->measure);
  if (raming_gui_list_find (results, result, &position))
    raming_document_remove_item (self->document, results, position);
}

static void
on_result_add_clicked (RamingMeasureDetails *self,
                       GtkButton            *button)
{
  g_autoptr(RamingCellInput) input = NULL;
  g_autoptr(RamingResultEntry) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  GListModel *results;

  if (self->measure == NULL)
    return;
  results = raming_measure_get_results (self->measure);
  input = raming_cell_input_new_amount (0);
  result = raming_result_entry_new (input, year);
  raming_document_insert_item (self->document, results, g_list_model_get_n_items (results), result);
}

static void
fill_results (RamingMeasureDetails *self)
{
  GListModel *results = raming_measure_get_results (self->measure);
  RamingLanguage language = raming_document_get_language (self->document);
  guint n = g_list_model_get_n_items (results);

  clear_list (self->results_list);
  gtk_widget_set_visible (self->results_group, !raming_measure_get_is_group (self->measure));

  if (n == 0)
    {
      GtkWidget *row = info_row (_("No results per year"),
                                 _("Without them, the result column holds what is typed in the table"));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->results_list), row);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RamingResultEntry) result = g_list_model_get_item (results, i);
      RamingCellInput *input = raming_result_entry_get_input (result);
      g_autofree char *text = input ? raming_cell_input_to_text (input, language) : g_strdup ("");
      g_autofree char *period_name = NULL;
      g_autofree char *amount_name = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label_entry = gtk_entry_new ();
      GtkWidget *amount_entry = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);

      gtk_editable_set_text (GTK_EDITABLE (label_entry), raming_result_entry_get_label (result) ?: "");
      gtk_editable_set_width_chars (GTK_EDITABLE (label_entry), 8);
      gtk_entry_set_placeholder_text (GTK_ENTRY (label_entry), _("Year"));
      raming_gui_set_tooltip_text (label_entry, _("The year or period, e.g. “2019” or “2019 ev”"));
      period_name = g_strdup_printf (_("Period of result %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, period_name, -1);
      g_object_set_data_full (G_OBJECT (label_entry), "raming-result", g_object_ref (result), g_object_unref);
      g_signal_connect_object (label_entry, "activate", G_CALLBACK (on_result_label_activate), self, G_CONNECT_SWAPPED);
      commit_on_leave (label_entry);

      gtk_editable_set_text (GTK_EDITABLE (amount_entry), text);
      gtk_widget_set_hexpand (amount_entry, TRUE);
      gtk_editable_set_alignment (GTK_EDITABLE (amount_entry), 1.0);
      raming_gui_set_tooltip_text (amount_entry, _("The amount saved, or a formula starting with “=”"));
      amount_name = g_strdup_printf (_("Amount of result %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (amount_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
      g_object_set_data_full (G_OBJECT (amount_entry), "raming-result", g_object_ref (result), g_object_unref);
      g_signal_connect_object (amount_entry, "activate", G_CALLBACK (on_result_amount_activate), self, G_CONNECT_SWAPPED);
      commit_on_leave (amount_entry);

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      raming_gui_set_tooltip_text (remove, _("Remove this result"));
      g_object_set_data_full (G_OBJECT (remove), "raming-result", g_object_ref (result), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_result_remove_clicked), self, G_CONNECT_SWAPPED);

      gtk_box_append (GTK_BOX (box), label_entry);
      gtk_box_append (GTK_BOX (box), amount_entry);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->results_list), row);
    }
}

/* ---------------------------------------------------------------- */
/* How was this computed? */

static GtkWidget *
term_row (RamingMeasureDetails *self,
          RamingTerm           *term)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;

  /* A term without a name is the figure's own source. */
  if (term->name != NULL && term->value_text != NULL)
    g_string_append_printf (subtitle, "%s = %s", term->name, term->value_text);
  else if (term->name != NULL)
    g_string_append (subtitle, term->name);
  else if (term->value_text != NULL)
    g_string_append (subtitle, term->value_text);
  if (term->range_text != NULL)
    g_string_append_printf (subtitle, " (%s)", term->range_text);
  if (term->source != NULL)
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      if (term->page != NULL)
        g_string_append_printf (subtitle, _("%s, %s"), term->source, term->page);
      else
        g_string_append (subtitle, term->source);
    }
  if (term->status != NULL)
    g_string_append_printf (subtitle, " · %s", term->status);

  row = info_row (term->label ? term->label : term->name, subtitle->len ? subtitle->str : NULL);

  if (term->kind == RAMING_TERM_ASSUMPTION && RAMING_IS_ASSUMPTION (term->object))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Edit the assumption “%s”"), term->name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      raming_gui_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-assumption");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (raming_assumption_get_key (term->object)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  else if (term->kind == RAMING_TERM_PARTNER_FIELD && RAMING_IS_PARTNER (term->object))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Show “%s” among the referral partners"),
                                                  raming_partner_get_name (term->object));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      raming_gui_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-partner");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (raming_partner_get_id (term->object)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
    }
  else if (term->kind == RAMING_TERM_UNKNOWN)
    gtk_widget_add_css_class (row, "error");

  return row;
}

/* The rows under a figure, made when its expander is first opened: four
 * folded expanders full of wrapping text cost more to lay out than the
 * whole table (docs/performance.md, finding 16). */
static void
fill_explanation_rows (RamingMeasureDetails *self,
                       AdwExpanderRow       *expander)
{
  RamingExplanation *explanation = g_object_get_data (G_OBJECT (expander), "raming-explanation");
  GtkWidget *row;

  if (explanation == NULL || g_object_get_data (G_OBJECT (expander), "raming-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "raming-filled", GINT_TO_POINTER (TRUE));

  if (explanation->error != NULL)
    {
      row = info_row (_("Error"), explanation->error);
      gtk_widget_add_css_class (row, "error");
      adw_expander_row_add_row (expander, row);
    }

  row = info_row (explanation->summary, NULL);
  adw_expander_row_add_row (expander, row);

  if (explanation->formula != NULL)
    {
      row = info_row (_("Formula"), explanation->formula);
      gtk_widget_add_css_class (row, "formula-row");
      adw_expander_row_add_row (expander, row);
    }

  if (explanation->value_text != NULL)
    {
      g_autofree char *value = explanation->range_text
        /* Translators: a value and its range */
        ? g_strdup_printf (_("%s (range %s)"), explanation->value_text, explanation->range_text)
        : g_strdup (explanation->value_text);

      row = info_row (_("Unrounded value"), value);
      adw_expander_row_add_row (expander, row);
    }

  for (guint i = 0; i < explanation->terms->len; i++)
    adw_expander_row_add_row (expander, term_row (self, g_ptr_array_index (explanation->terms, i)));
  raming_gui_limit_wrap_minimum (GTK_WIDGET (expander));
}

static void
on_explanation_expanded (RamingMeasureDetails *self,
                         GParamSpec           *pspec,
                         AdwExpanderRow       *expander)
{
  if (adw_expander_row_get_expanded (expander))
    fill_explanation_rows (self, expander);
}

static void
fill_explanations (RamingMeasureDetails *self,
                   gboolean              keep_expanded)
{
  gboolean expanded[RAMING_N_COLUMNS] = { FALSE, };

  /* A recomputation must not fold up what the adviser is reading. */
  if (keep_expanded)
    for (GtkWidget *child = gtk_widget_get_first_child (self->explain_list); child;
         child = gtk_widget_get_next_sibling (child))
      if (ADW_IS_EXPANDER_ROW (child))
        expanded[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "raming-column"))] =
          adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child));

  clear_list (self->explain_list);

  for (RamingColumn column = 0; column < RAMING_N_COLUMNS; column++)
    {
      RamingCell *cell = raming_measure_get_cell (self->measure, column);
      RamingExplanation *explanation = raming_explain_cell (self->document, cell);
      g_autofree char *shown = raming_gui_format_cell (self->document, cell);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), raming_gui_column_name (column));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), *shown ? shown : "–");
      g_object_set_data (G_OBJECT (expander), "raming-column", GUINT_TO_POINTER (column));

      if (explanation != NULL)
        {
          g_object_set_data_full (G_OBJECT (expander), "raming-explanation", explanation,
                                  (GDestroyNotify) raming_explanation_free);
          if (explanation->error != NULL)
            gtk_widget_add_css_class (expander, "error");
          g_signal_connect_object (expander, "notify::expanded",
                                   G_CALLBACK (on_explanation_expanded), self, G_CONNECT_SWAPPED);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), expanded[column]);
        }

      gtk_list_box_append (GTK_LIST_BOX (self->explain_list), expander);
    }
}

/* ---------------------------------------------------------------- */
/* Linked partners and actions */

static gboolean
strv_contains (const char * const *strv,
               const char         *id)
{
  return strv != NULL && id != NULL && g_strv_contains (strv, id);
}

static void
fill_links (RamingMeasureDetails *self)
{
  GListModel *partners = raming_document_get_partners (self->document);
  GListModel *actions = raming_document_get_actions (self->document);
  const char *id = raming_measure_get_id (self->measure);
  guint n_partners = 0, n_actions = 0;

  clear_list (self->partners_list);
  clear_list (self->actions_list);

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(RamingPartner) partner = g_list_model_get_item (partners, i);
      GtkWidget *row;
      GtkWidget *icon;

      if (!strv_contains (raming_partner_get_measures (partner), id))
        continue;
      row = info_row (raming_partner_get_name (partner),
                      raming_gui_partner_kind_name (raming_partner_get_kind (partner)));
      icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-partner");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (raming_partner_get_id (partner)));
      raming_gui_set_tooltip_text (row, _("Show among the referral partners"));
      gtk_list_box_append (GTK_LIST_BOX (self->partners_list), row);
      n_partners++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RamingAction) action = g_list_model_get_item (actions, i);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;
      GtkWidget *icon;

      if (!strv_contains (raming_action_get_measures (action), id))
        continue;
      if (raming_action_get_owner (action))
        g_string_append (subtitle, raming_action_get_owner (action));
      if (raming_action_get_period (action) || raming_action_get_due (action))
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                                raming_action_get_period (action) ? raming_action_get_period (action)
                                                                  : raming_action_get_due (action));
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                              raming_gui_action_status_name (raming_action_get_status (action)));
      row = info_row (raming_action_get_title (action), subtitle->str);
      icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-action");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (raming_action_get_id (action)));
      raming_gui_set_tooltip_text (row, _("Show among the action items"));
      gtk_list_box_append (GTK_LIST_BOX (self->actions_list), row);
      n_actions++;
    }

  if (n_partners == 0)
    {
      GtkWidget *row = info_row (_("No linked partners"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->partners_list), row);
    }
  if (n_actions == 0)
    {
      GtkWidget *row = info_row (_("No linked action items"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (GTK_LIST_BOX (self->actions_list), row);
    }
}

/* ---------------------------------------------------------------- */

static void
fill_fields (RamingMeasureDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  const char *note = raming_measure_get_note (self->measure);
  GtkTextIter start, end;
  g_autofree char *current = NULL;

  self->updating = TRUE;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                 raming_measure_get_title (self->measure) ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), raming_measure_get_title (self->measure) ?: "");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, note ? note : "") != 0)
    gtk_text_buffer_set_text (buffer, note ? note : "", -1);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->footnote_row)),
                 raming_measure_get_footnote (self->measure) ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->footnote_row), raming_measure_get_footnote (self->measure) ?: "");

  self->updating = FALSE;
}

/* After an undo, the entries of the results show the model again, except
 * the one the adviser is typing in. */
static void
sync_result_entries (RamingMeasureDetails *self,
                     GtkWidget            *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      RamingResultEntry *result = g_object_get_data (G_OBJECT (child), "raming-result");

      if (GTK_IS_ENTRY (child) && result != NULL && !gtk_widget_has_focus (child) &&
          !gtk_widget_has_css_class (child, "error") &&
          (gtk_widget_get_focus_child (child) == NULL))
        {
          g_autofree char *text = NULL;

          if (gtk_widget_get_hexpand (child))
            text = raming_cell_input_to_text (raming_result_entry_get_input (result),
                                              raming_document_get_language (self->document));
          else
            text = g_strdup (raming_result_entry_get_label (result) ?: "");
          if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (child))) != 0)
            gtk_editable_set_text (GTK_EDITABLE (child), text);
        }
      else
        sync_result_entries (self, child);
    }
}

static gboolean
refresh_idle (gpointer user_data)
{
  RamingMeasureDetails *self = user_data;

  self->refresh_id = 0;
  if (self->measure == NULL || self->document == NULL)
    return G_SOURCE_REMOVE;

  fill_fields (self);
  fill_estimates (self);
  sync_result_entries (self, self->results_list);
  fill_explanations (self, TRUE);
  fill_links (self);
  raming_gui_limit_wrap_minimum (self->content);
  return G_SOURCE_REMOVE;
}

/* Explanations follow every recomputation; coalesce a burst of
 * notifications (one edit can change many figures) into one rebuild. */
static void
queue_refresh (RamingMeasureDetails *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
on_results_changed (RamingMeasureDetails *self)
{
  if (self->measure != NULL)
    fill_results (self);
  queue_refresh (self);
}

static void
on_estimates_changed (RamingMeasureDetails *self)
{
  if (self->measure != NULL)
    fill_estimates (self);
  queue_refresh (self);
}

static void
on_title_apply (RamingMeasureDetails *self,
                AdwEntryRow          *row)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->measure == NULL || self->updating)
    return;
  if (*title == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (row), raming_measure_get_title (self->measure) ?: "");
      return;
    }
  raming_document_edit (self->document, self->measure, "title", title, NULL);
}

static void
on_footnote_apply (RamingMeasureDetails *self,
                   AdwEntryRow          *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->measure == NULL || self->updating)
    return;
  raming_document_edit (self->document, self->measure, "footnote", *text ? text : NULL, NULL);
}

static void
on_note_focus_leave (RamingMeasureDetails    *self,
                     GtkEventControllerFocus *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->note_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->measure == NULL || self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  raming_document_edit (self->document, self->measure, "note", *text ? text : NULL, NULL);
}

static GtkWidget *
add_group (RamingMeasureDetails *self,
           const char           *title,
           const char           *description,
           GtkWidget           **list)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (list != NULL)
    {
      *list = new_list ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (*list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), *list);
    }
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static void
raming_measure_details_dispose (GObject *object)
{
  RamingMeasureDetails *self = (RamingMeasureDetails *) object;
  GtkWidget *child;

  raming_measure_details_set_measure (self, NULL);
  raming_measure_details_set_document (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (raming_measure_details_parent_class)->dispose (object);
}

static void
raming_measure_details_class_init (RamingMeasureDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_measure_details_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measuredetails");
}

static void
raming_measure_details_init (RamingMeasureDetails *self)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *group;
  GtkWidget *list;
  GtkWidget *add;
  GtkWidget *frame;
  GtkEventController *controller;

  gtk_widget_set_parent (stack, GTK_WIDGET (self));

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("No Measure Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                   _("Select a row of the table to see how its figures were derived"));
  gtk_widget_add_css_class (self->status, "compact");
  gtk_stack_add_named (GTK_STACK (stack), self->status, "empty");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  gtk_widget_set_margin_top (self->content, 12);
  gtk_widget_set_margin_bottom (self->content, 12);
  gtk_stack_add_named (GTK_STACK (stack), self->content, "measure");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "empty");
  g_object_set_data (G_OBJECT (self), "raming-stack", stack);

  /* The measure itself */
  group = add_group (self, _("Measure"), NULL, &list);
  self->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->title_row), TRUE);
  g_signal_connect_object (self->title_row, "apply", G_CALLBACK (on_title_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (on_title_apply), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), self->title_row);

  self->footnote_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->footnote_row), _("Footnote in the note"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->footnote_row), TRUE);
  g_signal_connect_object (self->footnote_row, "apply", G_CALLBACK (on_footnote_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->footnote_row, "entry-activated", G_CALLBACK (on_footnote_apply), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), self->footnote_row);
  (void) group;

  group = add_group (self, _("Note"), NULL, NULL);
  frame = gtk_frame_new (NULL);
  self->note_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->note_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->note_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->note_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->note_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->note_view), 8);
  gtk_widget_set_size_request (self->note_view, -1, 80);
  raming_gui_set_tooltip_text (self->note_view, _("Why this estimate; kept with the measure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_note_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->note_view, controller);
  gtk_frame_set_child (GTK_FRAME (frame), self->note_view);
  gtk_widget_add_css_class (frame, "note-frame");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  add_group (self, _("How Was This Computed?"),
             _("Every figure of this row, the formula behind it and the assumptions it rests on"),
             &self->explain_list);

  self->estimates_group = add_group (self, _("National Estimates (AEF)"), NULL, &self->estimates_list);
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  raming_gui_set_tooltip_text (add, _("Add a national estimate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a national estimate"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_estimate_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->estimates_group), add);

  self->results_group = add_group (self, _("Results per Year"), NULL, &self->results_list);
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  raming_gui_set_tooltip_text (add, _("Add a result"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a result"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_result_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->results_group), add);

  self->partners_group = add_group (self, _("Referral Partners"), NULL, &self->partners_list);
  self->actions_group = add_group (self, _("Action Items"), NULL, &self->actions_list);
  raming_gui_limit_wrap_minimum (stack);
}

void
raming_measure_details_set_document (RamingMeasureDetails *self,
                                     RamingDocument       *document)
{
  g_return_if_fail (RAMING_IS_MEASURE_DETAILS (self));

  if (self->document == document)
    return;

  raming_measure_details_set_measure (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

void
raming_measure_details_set_measure (RamingMeasureDetails *self,
                                    RamingMeasure        *measure)
{
  GtkWidget *stack;

  g_return_if_fail (RAMING_IS_MEASURE_DETAILS (self));

  if (self->measure == measure)
    return;

  if (self->measure != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->measure, self);
      for (RamingColumn c = 0; c < RAMING_N_COLUMNS; c++)
        g_signal_handlers_disconnect_by_data (raming_measure_get_cell (self->measure, c), self);
      g_signal_handlers_disconnect_by_data (raming_measure_get_results (self->measure), self);
      g_signal_handlers_disconnect_by_data (raming_measure_get_estimates (self->measure), self);
    }

  g_set_object (&self->measure, measure);
  stack = g_object_get_data (G_OBJECT (self), "raming-stack");

  if (measure == NULL || self->document == NULL)
    {
      if (stack != NULL)
        gtk_stack_set_visible_child_name (GTK_STACK (stack), "empty");
      return;
    }

  g_signal_connect_object (measure, "notify", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  for (RamingColumn c = 0; c < RAMING_N_COLUMNS; c++)
    g_signal_connect_object (raming_measure_get_cell (measure, c), "notify",
                             G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (raming_measure_get_results (measure), "items-changed",
                           G_CALLBACK (on_results_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (raming_measure_get_estimates (measure), "items-changed",
                           G_CALLBACK (on_estimates_changed), self, G_CONNECT_SWAPPED);

  fill_fields (self);
  fill_estimates (self);
  fill_results (self);
  fill_explanations (self, FALSE);
  fill_links (self);
  raming_gui_limit_wrap_minimum (self->content);
  raming_gui_share_drawing_font (self->content);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "measure");
}

RamingMeasure *
raming_measure_details_get_measure (RamingMeasureDetails *self)
{
  g_return_val_if_fail (RAMING_IS_MEASURE_DETAILS (self), NULL);
  return self->measure;
}
