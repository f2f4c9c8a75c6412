/* raming-measures-page.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "raming-gui-util.h"
#include "raming-measure-cell.h"
#include "raming-measure-details.h"
#include "raming-measures-page.h"
#include "raming-property-cell.h"

/* The note's table as the adviser works on it: one row per measure,
 * groups folded open, every figure live. The table is a GtkColumnView
 * over a GtkTreeListModel of the document's measures; a group's children
 * are its own GListStore, so moving a measure into or out of a group is a
 * move between two lists that the document records for undo. */

struct _RamingMeasuresPage
{
  GtkWidget parent_instance;

  GtkWidget *toolbar;
  GtkWidget *stack;
  AdwFlap *details_flap;
  GtkScrolledWindow *details_scroller;
  GtkColumnView *column_view;
  RamingMeasureDetails *details;    /* made when first shown: ensure_details() */

  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[1 + RAMING_N_COLUMNS];

  RamingDocument *document;
};

G_DEFINE_FINAL_TYPE (RamingMeasuresPage, raming_measures_page, GTK_TYPE_WIDGET)

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  RamingMeasure *measure = item;

  if (!raming_measure_get_is_group (measure))
    return NULL;
  return g_object_ref (raming_measure_get_children (measure));
}

/* The list a measure is in: its group's children or the top level. */
static GListModel *
list_of (RamingMeasuresPage *self,
         RamingMeasure      *measure)
{
  RamingMeasure *parent = raming_measure_get_parent (measure);

  if (parent != NULL)
    return raming_measure_get_children (parent);
  return raming_document_get_measures (self->document);
}

RamingMeasure *
raming_measures_page_get_selected (RamingMeasuresPage *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (RAMING_IS_MEASURES_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  {
    g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

    /* The row's model holds the measure; a borrowed pointer is enough. */
    return RAMING_MEASURE (item);
  }
}

gboolean
raming_measures_page_select_measure (RamingMeasuresPage *self,
                                     RamingMeasure      *measure)
{
  guint n;

  g_return_val_if_fail (RAMING_IS_MEASURES_PAGE (self), FALSE);

  if (self->tree == NULL || measure == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) measure)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_actions (RamingMeasuresPage *self)
{
  RamingMeasure *measure = raming_measures_page_get_selected (self);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_up = FALSE, can_down = FALSE, can_indent = FALSE, can_outdent = FALSE;

  if (measure != NULL)
    {
      GListModel *list = list_of (self, measure);
      guint position = 0;

      if (raming_gui_list_find (list, measure, &position))
        {
          can_up = position > 0;
          can_down = position + 1 < g_list_model_get_n_items (list);
          if (position > 0 && !raming_measure_get_is_group (measure))
            {
              g_autoptr(RamingMeasure) above = g_list_model_get_item (list, position - 1);

              can_indent = raming_measure_get_is_group (above);
            }
        }
      can_outdent = raming_measure_get_parent (measure) != NULL;
    }

  gtk_widget_action_set_enabled (widget, "measures.add-measure", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "measures.add-group", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "measures.remove", measure != NULL);
  gtk_widget_action_set_enabled (widget, "measures.move-up", can_up);
  gtk_widget_action_set_enabled (widget, "measures.move-down", can_down);
  gtk_widget_action_set_enabled (widget, "measures.indent", can_indent);
  gtk_widget_action_set_enabled (widget, "measures.outdent", can_outdent);
}

static void
on_selection_changed (RamingMeasuresPage *self)
{
  if (self->details != NULL)
    raming_measure_details_set_measure (self->details, raming_measures_page_get_selected (self));
  update_actions (self);
}

/* The details pane is folded away at the default window size, so its
 * ~230 widgets are made the first time it is shown, not with the page
 * (docs/performance.md, finding 27). */
static void
ensure_details (RamingMeasuresPage *self)
{
  if (self->details != NULL)
    return;

  self->details = g_object_new (RAMING_TYPE_MEASURE_DETAILS, NULL);
  raming_measure_details_set_document (self->details, self->document);
  raming_measure_details_set_measure (self->details, raming_measures_page_get_selected (self));
  gtk_scrolled_window_set_child (self->details_scroller, GTK_WIDGET (self->details));
  raming_gui_share_drawing_font (GTK_WIDGET (self->details));
}

/* What the page shows while the analysis has no measures, made the first
 * time it does not (docs/performance.md, finding 35): an opened document
 * seldom needs it. */
static void
ensure_empty_page (RamingMeasuresPage *self)
{
  GtkWidget *status;
  GtkWidget *button;

  if (gtk_stack_get_child_by_name (GTK_STACK (self->stack), "empty") != NULL)
    return;

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Measures Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Add the savings measures of the analysis; each becomes a row of the note’s table"));
  button = gtk_button_new_with_mnemonic (_("_Add Measure"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.add-measure");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");
}

static void
update_empty (RamingMeasuresPage *self)
{
  gboolean empty = self->document == NULL ||
                   g_list_model_get_n_items (raming_document_get_measures (self->document)) == 0;

  if (empty)
    ensure_empty_page (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), empty ? "empty" : "table");
}

/* ---------------------------------------------------------------- */
/* Cells */

static void
on_cell_editing_started (RamingEditableCell *cell,
                         GtkListItem        *list_item)
{
  RamingMeasuresPage *self = RAMING_MEASURES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (cell),
                                                                             RAMING_TYPE_MEASURES_PAGE));
  guint position = gtk_list_item_get_position (list_item);

  /* Editing a figure selects its row, so the details pane explains it. */
  if (self != NULL && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

/* There is no “unbind” handler: GTK 4.8 unbinds and binds a row again
 * when only its selection changes, which would end an edit in progress.
 * The cells drop their item when they are bound to another one or
 * destroyed. */

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RamingMeasuresPage       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *cell = raming_property_cell_new ("title", RAMING_PROPERTY_TEXT, _("Measure"));

  /* A title never shrinks to nothing: the table scrolls instead. Narrow
   * enough that the Dutch column titles, in full, and the details pane
   * fit beside it in a window 1.270 pixels wide. */
  gtk_widget_set_size_request (cell, 125, -1);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), cell);
  g_signal_connect_object (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)),
                           "editing-started", G_CALLBACK (on_cell_editing_started), list_item, 0);
  gtk_list_item_set_child (list_item, expander);
  raming_gui_share_drawing_font (expander);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RamingMeasuresPage       *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *cell = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(RamingMeasure) measure = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  raming_property_cell_bind (RAMING_PROPERTY_CELL (cell), self->document, G_OBJECT (measure));
  raming_gui_set_tooltip_text (GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell))),
                               raming_measure_get_title (measure));
  if (raming_measure_get_is_group (measure))
    gtk_widget_add_css_class (cell, "group-title");
  else
    gtk_widget_remove_css_class (cell, "group-title");
}


static void
setup_figure (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RamingMeasuresPage       *self)
{
  RamingColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "raming-column"));
  GtkWidget *cell = raming_measure_cell_new (column);

  g_signal_connect_object (raming_measure_cell_get_editable (RAMING_MEASURE_CELL (cell)),
                           "editing-started", G_CALLBACK (on_cell_editing_started), list_item, 0);
  gtk_list_item_set_child (list_item, cell);
  raming_gui_share_drawing_font (cell);
}

static void
bind_figure (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RamingMeasuresPage       *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(RamingMeasure) measure = gtk_tree_list_row_get_item (row);

  raming_measure_cell_bind (RAMING_MEASURE_CELL (gtk_list_item_get_child (list_item)),
                            self->document, measure);
}


/* GTK 4.8 cannot wrap a column header: make each figure column as wide
 * as its header needs in the interface language (Dutch headers are long),
 * but never narrower than an amount with its period needs. */
static void
fit_column (RamingMeasuresPage *self,
            GtkColumnViewColumn *column,
            const char          *title,
            int                  minimum)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), title);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  int width;

  /* Measured as Adwaita draws the header's titles, bold at 9 points
   * (its stylesheet's size for them, whatever the body's), with 16
   * pixels for the title's own padding and rounding: GTK 4.8 clips a
   * title that does not fit, and the Dutch ones, measured in the body's
   * regular face, were cut off. test-screenshots checks them in both
   * languages. The same size as the titles', not a scale of the body's:
   * the fonts are then one, loaded once (docs/performance.md, finding
   * 37). */
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attributes, pango_attr_size_new (9 * PANGO_SCALE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_column_view_column_set_fixed_width (column, MAX (minimum, width + 16));
}

/* Only the first figure column names the municipality, as the note's
 * does; the others would not fit beside it. */
static void
update_headers (RamingMeasuresPage *self)
{
  g_autofree char *title = self->document ? raming_gui_column_title (self->document, RAMING_COLUMN_NATIONAL)
                                          : g_strdup (raming_gui_column_name (RAMING_COLUMN_NATIONAL));

  gtk_column_view_column_set_title (self->columns[1 + RAMING_COLUMN_NATIONAL], title);
  fit_column (self, self->columns[1 + RAMING_COLUMN_NATIONAL], title, 180);
}

static void
build_columns (RamingMeasuresPage *self)
{
  GtkListItemFactory *factory;

  /* The titles are measured (fit_column()) with the font options they
   * are drawn with, so that their font is the titles' own rather than
   * one more (docs/performance.md, finding 37). */
  raming_gui_share_drawing_font (GTK_WIDGET (self->column_view));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_title), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title), self);
  /* Translators: column header of the measures table */
  self->columns[0] = gtk_column_view_column_new (_("Measure"), factory);
  gtk_column_view_column_set_expand (self->columns[0], TRUE);
  gtk_column_view_column_set_resizable (self->columns[0], TRUE);
  gtk_column_view_append_column (self->column_view, self->columns[0]);
  g_object_unref (self->columns[0]);

  for (RamingColumn c = 0; c < RAMING_N_COLUMNS; c++)
    {
      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "raming-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_figure), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_figure), self);
      self->columns[1 + c] = gtk_column_view_column_new (raming_gui_column_name (c), factory);
      gtk_column_view_column_set_resizable (self->columns[1 + c], TRUE);
      fit_column (self, self->columns[1 + c], raming_gui_column_name (c),
                  c == RAMING_COLUMN_NATIONAL ? 180 : 150);
      gtk_column_view_append_column (self->column_view, self->columns[1 + c]);
      g_object_unref (self->columns[1 + c]);
    }
}

/* ---------------------------------------------------------------- */
/* Actions */

static gboolean
is_title_of (GtkWidget *widget,
             gpointer   measure)
{
  return RAMING_IS_PROPERTY_CELL (widget) &&
         raming_property_cell_get_item (RAMING_PROPERTY_CELL (widget)) == measure;
}

static gboolean
start_editing_title_idle (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(RamingMeasuresPage) self = g_weak_ref_get (ref);
  RamingMeasure *measure;
  GtkWidget *cell;

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || (measure = raming_measures_page_get_selected (self)) == NULL)
    return G_SOURCE_REMOVE;
  cell = raming_gui_find_descendant (GTK_WIDGET (self->column_view), is_title_of, measure);
  if (cell != NULL)
    raming_editable_cell_start_editing (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)));
  return G_SOURCE_REMOVE;
}

/* A new row is bound to widgets at the next layout: edit its title then. */
static void
start_editing_title (RamingMeasuresPage *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_idle_add_full (GDK_PRIORITY_REDRAW + 10, start_editing_title_idle, ref, NULL);
}

static void
insert_measure (RamingMeasuresPage *self,
                gboolean            group)
{
  RamingLanguage language = raming_document_get_language (self->document);
  RamingMeasure *selected = raming_measures_page_get_selected (self);
  /* A measure's title is part of the note: in the document's language. */
  const char *title = group
    ? (language == RAMING_LANGUAGE_NL ? "Nieuwe groep" : "New group")
    : (language == RAMING_LANGUAGE_NL ? "Nieuwe maatregel" : "New measure");
  g_autofree char *id = raming_document_make_measure_id (self->document, title);
  g_autoptr(RamingMeasure) measure = group ? raming_measure_new_group (id, title)
                                           : raming_measure_new (id, title);
  GListModel *list = raming_document_get_measures (self->document);
  guint position = g_list_model_get_n_items (list);

  if (selected != NULL)
    {
      if (raming_measure_get_is_group (selected) && !group)
        {
          /* Below a group's row is inside the group. */
          list = raming_measure_get_children (selected);
          position = 0;
        }
      else
        {
          list = list_of (self, selected);
          if (raming_gui_list_find (list, selected, &position))
            position++;
          else
            position = g_list_model_get_n_items (list);
        }
    }

  raming_document_begin_edit (self->document, group ? _("Add group") : _("Add measure"));
  raming_document_insert_item (self->document, list, position, measure);
  raming_document_end_edit (self->document);

  raming_measures_page_select_measure (self, measure);
  start_editing_title (self);
}

static void
add_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  insert_measure (RAMING_MEASURES_PAGE (widget), FALSE);
}

static void
add_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  insert_measure (RAMING_MEASURES_PAGE (widget), TRUE);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RamingMeasuresPage *self = RAMING_MEASURES_PAGE (widget);
  g_autoptr(RamingMeasure) measure = NULL;
  g_autofree char *message = NULL;
  GListModel *list;
  guint position;
  guint selected;

  if (raming_measures_page_get_selected (self) == NULL)
    return;
  measure = g_object_ref (raming_measures_page_get_selected (self));
  list = list_of (self, measure);
  if (!raming_gui_list_find (list, measure, &position))
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  raming_document_remove_item (self->document, list, position);

  /* Keep a row selected near the one that went. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (selected, g_list_model_get_n_items (G_LIST_MODEL (self->tree)) - 1));

  /* Translators: %s is the title of a measure */
  message = g_strdup_printf (_("Removed “%s”"), raming_measure_get_title (measure));
  raming_gui_show_undo_toast (widget, message);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RamingMeasuresPage *self = RAMING_MEASURES_PAGE (widget);
  g_autoptr(RamingMeasure) measure = NULL;
  GListModel *list;
  guint position;

  if (raming_measures_page_get_selected (self) == NULL)
    return;
  measure = g_object_ref (raming_measures_page_get_selected (self));
  list = list_of (self, measure);
  if (!raming_gui_list_find (list, measure, &position))
    return;

  if (g_str_equal (action_name, "measures.move-up") && position > 0)
    raming_document_move_item (self->document, list, position, list, position - 1);
  else if (g_str_equal (action_name, "measures.move-down") &&
           position + 1 < g_list_model_get_n_items (list))
    raming_document_move_item (self->document, list, position, list, position + 1);
  else if (g_str_equal (action_name, "measures.indent") && position > 0)
    {
      g_autoptr(RamingMeasure) above = g_list_model_get_item (list, position - 1);
      GListModel *children;

      if (!raming_measure_get_is_group (above) || raming_measure_get_is_group (measure))
        return;
      children = raming_measure_get_children (above);
      raming_document_move_item (self->document, list, position,
                                 children, g_list_model_get_n_items (children));
    }
  else if (g_str_equal (action_name, "measures.outdent"))
    {
      RamingMeasure *parent = raming_measure_get_parent (measure);
      GListModel *outer;
      guint parent_position;

      if (parent == NULL)
        return;
      outer = list_of (self, parent);
      if (!raming_gui_list_find (outer, parent, &parent_position))
        return;
      raming_document_move_item (self->document, list, position, outer, parent_position + 1);
    }
  else
    return;

  raming_measures_page_select_measure (self, measure);
  update_actions (self);
}

/* ---------------------------------------------------------------- */

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  if (widget != NULL && gtk_widget_get_visible (widget))
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The details pane folds (AdwFlap, fold policy "auto") when the window is
 * too narrow for the table and the pane side by side, as it is at the
 * default size. AdwFlap decides that at its first allocation, when it is
 * already mapped, so it hid the pane with an animation: the first frame
 * showed the pane over a narrowed table, which then slid away and widened,
 * the Details button faded from pressed to released, and the pane was
 * drawn for nothing (docs/performance.md, finding 26). The window calls
 * this before it is first shown, with the width it is going to have: the
 * same comparison is made from the natural widths, and the flap is folded
 * while nothing is mapped or realized, which skips its animations and the
 * button's transition. Should the guess be wrong, the flap's own rule
 * still decides at its allocation. */
void
raming_measures_page_settle_details (RamingMeasuresPage *self,
                                     int                 width)
{
  AdwFlap *flap;
  int needed;

  g_return_if_fail (RAMING_IS_MEASURES_PAGE (self));

  flap = self->details_flap;
  if (width <= 0 ||
      adw_flap_get_fold_policy (flap) != ADW_FLAP_FOLD_POLICY_AUTO ||
      adw_flap_get_folded (flap))
    return;

  needed = natural_width (adw_flap_get_content (flap)) +
           natural_width (adw_flap_get_flap (flap)) +
           natural_width (adw_flap_get_separator (flap));
  if (width < needed)
    {
      adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_AUTO);
    }
}

static void
raming_measures_page_dispose (GObject *object)
{
  RamingMeasuresPage *self = (RamingMeasuresPage *) object;

  raming_measures_page_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_MEASURES_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (raming_measures_page_parent_class)->dispose (object);
}

/* Set from code, not in the .ui file: see raming_gui_set_tooltip_text(). */
static const RamingGuiTooltip template_tooltips[] = {
  { "add_measure_button", N_("Add a measure below the selected one (Ctrl+Shift+M)") },
  { "add_group_button", N_("Add a group of measures that are judged together (Ctrl+Shift+G)") },
  { "remove_button", N_("Remove the selected measure (Ctrl+Delete)") },
  { "move_up_button", N_("Move up (Alt+Up)") },
  { "move_down_button", N_("Move down (Alt+Down)") },
  { "indent_button", N_("Move into the group above (Alt+Right)") },
  { "outdent_button", N_("Move out of its group (Alt+Left)") },
  { "details_button", N_("Show how the selected measure’s figures were derived") },
};

static void
raming_measures_page_class_init (RamingMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_measures_page_dispose;

  g_type_ensure (RAMING_TYPE_MEASURE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-measures-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "add_measure_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "add_group_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "remove_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "move_up_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "move_down_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "indent_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "outdent_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "details_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingMeasuresPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RamingMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RamingMeasuresPage, details_flap);
  gtk_widget_class_bind_template_child (widget_class, RamingMeasuresPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RamingMeasuresPage, details_scroller);

  gtk_widget_class_install_action (widget_class, "measures.add-measure", NULL, add_measure_action);
  gtk_widget_class_install_action (widget_class, "measures.add-group", NULL, add_group_action);
  gtk_widget_class_install_action (widget_class, "measures.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "measures.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "measures.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "measures.indent", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "measures.outdent", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "measures.add-measure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "measures.add-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "measures.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "measures.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "measures.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "measures.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "measures.outdent", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "measurespage");
}

static void
raming_measures_page_init (RamingMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raming_gui_set_template_tooltips (GTK_WIDGET (self), RAMING_TYPE_MEASURES_PAGE,
                                    template_tooltips, G_N_ELEMENTS (template_tooltips));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  build_columns (self);
  update_actions (self);
  g_signal_connect_object (self->details_scroller, "map", G_CALLBACK (ensure_details), self, G_CONNECT_SWAPPED);
}

void
raming_measures_page_set_document (RamingMeasuresPage *self,
                                   RamingDocument     *document)
{
  g_return_if_fail (RAMING_IS_MEASURES_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (raming_document_get_measures (self->document), self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
      gtk_column_view_set_model (self->column_view, NULL);
      if (self->details != NULL)
        raming_measure_details_set_document (self->details, NULL);
      g_clear_object (&self->selection);
      g_clear_object (&self->tree);
      g_clear_object (&self->document);
    }

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->tree = gtk_tree_list_model_new (g_object_ref (raming_document_get_measures (document)),
                                            FALSE, TRUE, create_children, NULL, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      if (self->details != NULL)
        raming_measure_details_set_document (self->details, document);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (raming_document_get_measures (document), "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      /* A move elsewhere in the table can change what the selection may do. */
      g_signal_connect_object (document, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::municipality", G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
      on_selection_changed (self);
    }

  update_headers (self);
  update_empty (self);
  update_actions (self);
}
