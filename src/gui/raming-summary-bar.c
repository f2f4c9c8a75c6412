/* raming-summary-bar.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raming-format.h"
#include "raming-gui-util.h"
#include "raming-summary-bar.h"

/* The figures the adviser reasons about while editing, under the header
 * on every tab: the realistic estimate with its uncertainty band, what
 * was achieved, what was expected, the target and the gap that remains.
 * Bound to RamingTotals: the engine notifies, the labels follow. */

typedef enum
{
  ITEM_REALISTIC,
  ITEM_RESULT,
  ITEM_ORIGINAL,
  ITEM_TARGET,
  ITEM_GAP,
  ITEM_NATIONAL,
  N_ITEMS
} Item;

typedef struct
{
  GtkWidget *box;
  GtkWidget *caption;
  GtkWidget *value;
  GtkWidget *detail;
} ItemWidgets;

struct _RamingSummaryBar
{
  GtkWidget parent_instance;

  GtkWidget *flow;
  ItemWidgets items[N_ITEMS];
  GtkWidget *errors;

  RamingDocument *document;
  RamingTotals *totals;
  gboolean band_known;   /* P10 and P90 have been drawn since the band appeared */
};

G_DEFINE_FINAL_TYPE (RamingSummaryBar, raming_summary_bar, GTK_TYPE_WIDGET)

static char *
amount (RamingSummaryBar *self,
        double            value)
{
  return raming_format_amount (value, raming_document_get_language (self->document),
                               raming_document_get_rounding (self->document));
}

static void
set_item (RamingSummaryBar *self,
          Item              item,
          const char       *value,
          const char       *detail)
{
  ItemWidgets *w = &self->items[item];
  g_autofree char *name = NULL;

  gtk_label_set_label (GTK_LABEL (w->value), value);
  gtk_label_set_label (GTK_LABEL (w->detail), detail ? detail : "");
  gtk_widget_set_visible (w->detail, detail != NULL);

  name = g_strdup_printf ("%s: %s%s%s", gtk_label_get_label (GTK_LABEL (w->caption)), value,
                          detail ? ", " : "", detail ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
update (RamingSummaryBar *self)
{
  RamingLanguage language;
  g_autofree char *realistic = NULL;
  g_autofree char *band = NULL;
  g_autofree char *result = NULL;
  g_autofree char *original = NULL;
  g_autofree char *target = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *national = NULL;
  g_autofree char *caption = NULL;
  const char *municipality;
  guint n_errors;

  if (self->document == NULL)
    return;

  language = raming_document_get_language (self->document);

  realistic = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_REALISTIC));
  /* The band is drawn in the background after a document is opened (or
   * its first range given): until then there are no P10 and P90 to show,
   * and “€ 0 – € 0” would read as a result. After an edit the band of a
   * moment ago stays until the new one is there. */
  if (!raming_totals_get_has_band (self->totals))
    self->band_known = FALSE;
  else if (!raming_totals_get_band_pending (self->totals))
    self->band_known = TRUE;
  if (raming_totals_get_has_band (self->totals) && !self->band_known)
    {
      /* Translators: shown under the realistic total while its uncertainty band is computed */
      band = g_strdup (_("P10–P90: being computed…"));
    }
  else if (raming_totals_get_has_band (self->totals))
    {
      g_autofree char *p10 = raming_format_money_short (raming_totals_get (self->totals, RAMING_TOTAL_P10), language);
      g_autofree char *p90 = raming_format_money_short (raming_totals_get (self->totals, RAMING_TOTAL_P90), language);

      /* Translators: the 10th to 90th percentile of the realistic total */
      band = g_strdup_printf (_("P10–P90: %s – %s"), p10, p90);
    }
  set_item (self, ITEM_REALISTIC, realistic, band);

  result = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_RESULT));
  set_item (self, ITEM_RESULT, result, NULL);

  original = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_ORIGINAL));
  set_item (self, ITEM_ORIGINAL, original, NULL);

  if (raming_totals_get_has_target (self->totals))
    {
      target = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_TARGET));
      gap = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_GAP));
    }
  else
    {
      /* Translators: shown instead of an amount that is not known */
      target = g_strdup (C_("amount", "Not set"));
      gap = g_strdup ("–");
    }
  set_item (self, ITEM_TARGET, target, NULL);
  set_item (self, ITEM_GAP, gap, NULL);

  if (raming_totals_get_has_target (self->totals) &&
      raming_totals_get (self->totals, RAMING_TOTAL_GAP) > 0)
    gtk_widget_add_css_class (self->items[ITEM_GAP].value, "warning");
  else
    gtk_widget_remove_css_class (self->items[ITEM_GAP].value, "warning");

  municipality = raming_document_get_municipality (self->document);
  if (municipality != NULL && *municipality)
    /* Translators: %s is the municipality */
    caption = g_strdup_printf (_("AEF estimate for %s"), municipality);
  else
    caption = g_strdup (_("AEF estimate for the municipality"));
  gtk_label_set_label (GTK_LABEL (self->items[ITEM_NATIONAL].caption), caption);
  national = amount (self, raming_totals_get (self->totals, RAMING_TOTAL_NATIONAL));
  set_item (self, ITEM_NATIONAL, national, NULL);

  n_errors = raming_totals_get_n_errors (self->totals);
  gtk_widget_set_visible (self->errors, n_errors > 0);
  if (n_errors > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u figure cannot be computed",
                                                            "%u figures cannot be computed",
                                                            n_errors), n_errors);

      gtk_label_set_label (GTK_LABEL (self->errors), text);
      raming_gui_set_tooltip_text (self->errors,
                                   _("Figures in error are left out of the totals; they are marked in red"));
    }
}

static void
add_item (RamingSummaryBar *self,
          Item              item,
          const char       *caption,
          const char       *tooltip)
{
  ItemWidgets *w = &self->items[item];
  GtkWidget *child;

  w->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (w->box, "summary-item");
  raming_gui_set_tooltip_text (w->box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);

  w->caption = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (w->caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (w->caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (w->caption, "caption");
  gtk_widget_add_css_class (w->caption, "dim-label");
  gtk_box_append (GTK_BOX (w->box), w->caption);

  w->value = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->value), 0);
  gtk_label_set_selectable (GTK_LABEL (w->value), FALSE);
  gtk_widget_add_css_class (w->value, "summary-value");
  gtk_widget_add_css_class (w->value, "numeric");
  gtk_box_append (GTK_BOX (w->box), w->value);

  w->detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (w->detail), 0);
  gtk_widget_add_css_class (w->detail, "caption");
  gtk_widget_add_css_class (w->detail, "numeric");
  gtk_widget_set_visible (w->detail, FALSE);
  gtk_box_append (GTK_BOX (w->box), w->detail);

  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), w->box);
  child = gtk_widget_get_parent (w->box);
  gtk_widget_set_focusable (child, FALSE);
}

static void
raming_summary_bar_dispose (GObject *object)
{
  RamingSummaryBar *self = (RamingSummaryBar *) object;
  GtkWidget *child;

  raming_summary_bar_set_document (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (raming_summary_bar_parent_class)->dispose (object);
}

static void
raming_summary_bar_class_init (RamingSummaryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_summary_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
raming_summary_bar_init (RamingSummaryBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Totals"),
                                  -1);

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), N_ITEMS);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 24);
  /* Figures to read, nothing to operate: keep the keyboard moving past
   * (a GtkFlowBox without focusable children would hold the focus). */
  gtk_widget_set_can_focus (self->flow, FALSE);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  add_item (self, ITEM_REALISTIC, _("Realistic estimate"),
            /* xgettext:no-c-format */
            _("The sum of the realistic estimates, with the range that holds 80 % of the simulated outcomes"));
  add_item (self, ITEM_RESULT, _("Results so far"),
            _("The savings achieved so far"));
  add_item (self, ITEM_ORIGINAL, _("Original expectation"),
            _("The savings originally expected"));
  add_item (self, ITEM_TARGET, _("Savings target"),
            _("The savings target for youth care (an assumption)"));
  add_item (self, ITEM_GAP, _("Remaining gap"),
            _("The savings target minus the realistic estimate"));
  add_item (self, ITEM_NATIONAL, _("AEF estimate for the municipality"),
            _("The national AEF estimates times the municipality’s share of the national budget"));

  gtk_widget_add_css_class (self->items[ITEM_REALISTIC].value, "accent");

  self->errors = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->errors), 0);
  gtk_widget_add_css_class (self->errors, "error");
  gtk_widget_add_css_class (self->errors, "caption");
  gtk_widget_set_visible (self->errors, FALSE);
  gtk_widget_set_parent (self->errors, GTK_WIDGET (self));
}

GtkWidget *
raming_summary_bar_new (void)
{
  return g_object_new (RAMING_TYPE_SUMMARY_BAR, NULL);
}

void
raming_summary_bar_set_document (RamingSummaryBar *self,
                                 RamingDocument   *document)
{
  g_return_if_fail (RAMING_IS_SUMMARY_BAR (self));
  g_return_if_fail (!document || RAMING_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->totals, self);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_clear_object (&self->totals);
      g_clear_object (&self->document);
    }
  self->band_known = FALSE;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->totals = g_object_ref (raming_document_get_totals (document));
      g_signal_connect_object (self->totals, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::rounding", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::language", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::municipality", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

/* The text shown for a total; tests read the window through this. */
const char *
raming_summary_bar_get_text (RamingSummaryBar *self,
                             RamingTotal       total)
{
  g_return_val_if_fail (RAMING_IS_SUMMARY_BAR (self), NULL);

  switch (total)
    {
    case RAMING_TOTAL_REALISTIC:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_REALISTIC].value));
    case RAMING_TOTAL_P10:
    case RAMING_TOTAL_P90:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_REALISTIC].detail));
    case RAMING_TOTAL_RESULT:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_RESULT].value));
    case RAMING_TOTAL_ORIGINAL:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_ORIGINAL].value));
    case RAMING_TOTAL_TARGET:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_TARGET].value));
    case RAMING_TOTAL_GAP:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_GAP].value));
    case RAMING_TOTAL_NATIONAL:
      return gtk_label_get_label (GTK_LABEL (self->items[ITEM_NATIONAL].value));
    default:
      return NULL;
    }
}
