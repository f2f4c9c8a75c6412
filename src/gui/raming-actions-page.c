/* raming-actions-page.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "raming-actions-page.h"
#include "raming-choice-cell.h"
#include "raming-gui-util.h"
#include "raming-property-cell.h"

/* The action items: who does what by when, for which measures. Filtered
 * by status, sorted by due date (items with only a period go last), and
 * marked when their due date has passed while they are still open. */

struct _RamingActionsPage
{
  GtkWidget parent_instance;

  GtkWidget *toolbar;
  GtkWidget *stack;
  GtkWidget *status_page;
  GtkDropDown *filter_drop_down;
  GtkColumnView *column_view;

  GtkFilter *filter;
  GtkSorter *due_sorter;
  GtkSorter *status_sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *due_column;

  RamingDocument *document;
  RamingActionsFilter filter_kind;
};

G_DEFINE_FINAL_TYPE (RamingActionsPage, raming_actions_page, GTK_TYPE_WIDGET)

typedef enum
{
  COLUMN_TITLE,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_PERIOD,
  COLUMN_STATUS,
  COLUMN_MEASURES,
} Column;

static gboolean
is_overdue (RamingAction *action)
{
  GDate today;

  raming_gui_get_today (&today);
  return raming_action_is_overdue (action, &today);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RamingActionsPage *self = user_data;
  RamingAction *action = item;

  switch (self->filter_kind)
    {
    case RAMING_ACTIONS_FILTER_ALL:
      return TRUE;
    case RAMING_ACTIONS_FILTER_OPEN:
      return raming_action_get_status (action) == RAMING_ACTION_OPEN;
    case RAMING_ACTIONS_FILTER_IN_PROGRESS:
      return raming_action_get_status (action) == RAMING_ACTION_IN_PROGRESS;
    case RAMING_ACTIONS_FILTER_DONE:
      return raming_action_get_status (action) == RAMING_ACTION_DONE;
    case RAMING_ACTIONS_FILTER_DROPPED:
      return raming_action_get_status (action) == RAMING_ACTION_DROPPED;
    case RAMING_ACTIONS_FILTER_OVERDUE:
      return is_overdue (action);
    default:
      return TRUE;
    }
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char *x = raming_action_get_due ((RamingAction *) a);
  const char *y = raming_action_get_due ((RamingAction *) b);
  gboolean has_x = x != NULL && *x;
  gboolean has_y = y != NULL && *y;
  int result;

  /* ISO dates sort as text; items with no date come after dated ones. */
  if (has_x != has_y)
    return has_x ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (!has_x)
    return GTK_ORDERING_EQUAL;
  result = g_strcmp0 (x, y);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int x = raming_action_get_status ((RamingAction *) a);
  int y = raming_action_get_status ((RamingAction *) b);

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_actions (RamingActionsPage *self)
{
  gboolean selected = self->selection != NULL &&
                      gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.add", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.remove", selected);
}

static void
update_empty (RamingActionsPage *self)
{
  guint n_all = self->document ? g_list_model_get_n_items (raming_document_get_actions (self->document)) : 0;
  guint n_shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  if (n_all == 0)
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page), "checkbox-checked-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("No Action Items Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                       _("Add what the municipality will do next, with an owner and a due date"));
    }
  else
    {
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page), "edit-find-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("No Matching Action Items"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                       _("No action item has this status; choose “All Action Items” to see them all"));
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n_shown == 0 ? "empty" : "table");
  update_actions (self);
}

static void
on_document_changed (RamingActionsPage *self)
{
  /* A status or due date that changed can move an item in or out of the
   * filter and up or down the list. */
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->due_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->status_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_filter_selected (RamingActionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_drop_down);

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = RAMING_ACTIONS_FILTER_ALL;
  if (self->filter_kind == (RamingActionsFilter) selected)
    return;
  self->filter_kind = selected;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

void
raming_actions_page_set_filter (RamingActionsPage   *self,
                                RamingActionsFilter  filter)
{
  g_return_if_fail (RAMING_IS_ACTIONS_PAGE (self));

  gtk_drop_down_set_selected (self->filter_drop_down, filter);
}

/* ---------------------------------------------------------------- */
/* Cells */

static void
on_editing_started (RamingEditableCell *cell,
                    GtkListItem        *list_item)
{
  RamingActionsPage *self = RAMING_ACTIONS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (cell),
                                                                           RAMING_TYPE_ACTIONS_PAGE));

  if (self != NULL && gtk_list_item_get_position (list_item) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
}

static void
decorate (GtkWidget    *cell,
          GParamSpec   *pspec,
          RamingAction *action)
{
  RamingEditableCell *editable = raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell));
  const char *property = raming_property_cell_get_property_name (RAMING_PROPERTY_CELL (cell));
  gboolean overdue = is_overdue (action);

  /* The title and the date carry the mark; the rest of the row stays calm. */
  if (!g_str_equal (property, "due") && !g_str_equal (property, "title"))
    return;

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "overdue");

  if (g_str_equal (property, "due"))
    {
      raming_editable_cell_set_icon (editable, overdue ? "alarm-symbolic" : NULL);
      if (overdue)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Overdue: due %s and not done"),
                                                      raming_action_get_due (action));

          raming_gui_set_tooltip_text (GTK_WIDGET (editable), tooltip);
        }
      else
        raming_gui_set_tooltip_text (GTK_WIDGET (editable),
                                     _("A date as YYYY-MM-DD, for example 2021-06-30"));
    }
  else if (g_str_equal (property, "title"))
    raming_gui_set_tooltip_text (GTK_WIDGET (editable), raming_action_get_description (action));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RamingActionsPage        *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "raming-column"));
  GtkWidget *cell = NULL;

  switch (column)
    {
    case COLUMN_TITLE:
      cell = raming_property_cell_new ("title", RAMING_PROPERTY_TEXT, _("Action item"));
      break;
    case COLUMN_OWNER:
      cell = raming_property_cell_new ("owner", RAMING_PROPERTY_TEXT, _("Owner"));
      break;
    case COLUMN_DUE:
      cell = raming_property_cell_new ("due", RAMING_PROPERTY_DATE, _("Due date"));
      break;
    case COLUMN_PERIOD:
      cell = raming_property_cell_new ("period", RAMING_PROPERTY_TEXT, _("Period"));
      break;
    case COLUMN_STATUS:
      {
        const char *labels[] = {
          raming_gui_action_status_name (RAMING_ACTION_OPEN),
          raming_gui_action_status_name (RAMING_ACTION_IN_PROGRESS),
          raming_gui_action_status_name (RAMING_ACTION_DONE),
          raming_gui_action_status_name (RAMING_ACTION_DROPPED),
          NULL
        };

        cell = raming_choice_cell_new ("status", labels, _("Status"));
      }
      break;
    case COLUMN_MEASURES:
      cell = raming_links_cell_new ();
      break;
    default:
      g_assert_not_reached ();
    }

  if (RAMING_IS_PROPERTY_CELL (cell))
    g_signal_connect_object (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)),
                             "editing-started", G_CALLBACK (on_editing_started), list_item, 0);
  gtk_list_item_set_child (list_item, cell);
  raming_gui_share_drawing_font (cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RamingActionsPage        *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  if (RAMING_IS_PROPERTY_CELL (cell))
    {
      GObject *bound = g_object_get_data (G_OBJECT (cell), "raming-action");

      raming_property_cell_bind (RAMING_PROPERTY_CELL (cell), self->document, item);
      decorate (cell, NULL, RAMING_ACTION (item));
      if (bound != item)
        {
          if (bound != NULL)
            g_signal_handlers_disconnect_by_data (bound, cell);
          g_object_set_data_full (G_OBJECT (cell), "raming-action", g_object_ref (item), g_object_unref);
          g_signal_connect_object (item, "notify", G_CALLBACK (decorate), cell, G_CONNECT_SWAPPED);
        }
    }
  else if (RAMING_IS_CHOICE_CELL (cell))
    raming_choice_cell_bind (RAMING_CHOICE_CELL (cell), self->document, item);
  else if (RAMING_IS_LINKS_CELL (cell))
    raming_links_cell_bind (RAMING_LINKS_CELL (cell), self->document, item);
}


static GtkColumnViewColumn *
add_column (RamingActionsPage *self,
            Column             column,
            const char        *title,
            int                width,
            GtkSorter         *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "raming-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  else
    gtk_column_view_column_set_expand (view_column, TRUE);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
  return view_column;
}

/* ---------------------------------------------------------------- */
/* Actions */

gboolean
raming_actions_page_select_action (RamingActionsPage *self,
                                   RamingAction      *action)
{
  guint position;

  g_return_val_if_fail (RAMING_IS_ACTIONS_PAGE (self), FALSE);

  if (self->selection == NULL)
    return FALSE;
  if (!raming_gui_list_find (G_LIST_MODEL (self->selection), action, &position))
    {
      raming_actions_page_set_filter (self, RAMING_ACTIONS_FILTER_ALL);
      if (!raming_gui_list_find (G_LIST_MODEL (self->selection), action, &position))
        return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RamingActionsPage *self = RAMING_ACTIONS_PAGE (widget);
  GListModel *actions = raming_document_get_actions (self->document);
  gboolean dutch = raming_document_get_language (self->document) == RAMING_LANGUAGE_NL;
  g_autofree char *id = raming_gui_unique_id (actions, "id", dutch ? "actie" : "action");
  g_autoptr(RamingAction) action = raming_action_new (id, dutch ? "Nieuwe actie" : "New action item");

  raming_document_insert_item (self->document, actions, g_list_model_get_n_items (actions), action);
  raming_actions_page_select_action (self, action);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RamingActionsPage *self = RAMING_ACTIONS_PAGE (widget);
  RamingAction *action = gtk_single_selection_get_selected_item (self->selection);
  GListModel *actions;
  g_autofree char *message = NULL;
  guint position;

  if (action == NULL)
    return;
  actions = raming_document_get_actions (self->document);
  if (!raming_gui_list_find (actions, action, &position))
    return;
  /* Translators: %s is the title of an action item */
  message = g_strdup_printf (_("Removed “%s”"), raming_action_get_title (action));
  raming_document_remove_item (self->document, actions, position);
  raming_gui_show_undo_toast (widget, message);
}

/* ---------------------------------------------------------------- */

static void
raming_actions_page_dispose (GObject *object)
{
  RamingActionsPage *self = (RamingActionsPage *) object;

  raming_actions_page_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_ACTIONS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->filter);
  g_clear_object (&self->due_sorter);
  g_clear_object (&self->status_sorter);

  G_OBJECT_CLASS (raming_actions_page_parent_class)->dispose (object);
}

/* Set from code, not in the .ui file: see raming_gui_set_tooltip_text(). */
static const RamingGuiTooltip template_tooltips[] = {
  { "add_button", N_("Add an action item") },
  { "remove_button", N_("Remove the selected action item (Ctrl+Delete)") },
  { "filter_drop_down", N_("Show only the action items with this status") },
};

static void
raming_actions_page_class_init (RamingActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_actions_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-actions-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "remove_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingActionsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RamingActionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RamingActionsPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RamingActionsPage, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RamingActionsPage, column_view);

  gtk_widget_class_install_action (widget_class, "actions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "actions.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "actions.remove", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actionspage");
}

static void
raming_actions_page_init (RamingActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raming_gui_set_template_tooltips (GTK_WIDGET (self), RAMING_TYPE_ACTIONS_PAGE,
                                    template_tooltips, G_N_ELEMENTS (template_tooltips));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->due_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_due, NULL, NULL));
  self->status_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL));

  /* Translators: column headers of the action items table */
  add_column (self, COLUMN_TITLE, _("Action Item"), 0, NULL);
  add_column (self, COLUMN_OWNER, _("Owner"), 190, NULL);
  self->due_column = add_column (self, COLUMN_DUE, _("Due"), 130, self->due_sorter);
  add_column (self, COLUMN_PERIOD, _("Period"), 120, NULL);
  add_column (self, COLUMN_STATUS, _("Status"), 140, self->status_sorter);
  add_column (self, COLUMN_MEASURES, _("Linked Measures"), 220, NULL);

  g_signal_connect_object (self->filter_drop_down, "notify::selected",
                           G_CALLBACK (on_filter_selected), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
raming_actions_page_set_document (RamingActionsPage *self,
                                  RamingDocument    *document)
{
  g_return_if_fail (RAMING_IS_ACTIONS_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->filtered, self);
      gtk_column_view_set_model (self->column_view, NULL);
      g_clear_object (&self->selection);
      g_clear_object (&self->sorted);
      g_clear_object (&self->filtered);
      g_clear_object (&self->document);
    }

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->filtered = gtk_filter_list_model_new (g_object_ref (raming_document_get_actions (document)),
                                                  g_object_ref (self->filter));
      self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      gtk_column_view_sort_by_column (self->column_view, self->due_column, GTK_SORT_ASCENDING);

      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filtered, "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
    }

  update_empty (self);
}

/* The items as shown: filtered and sorted. */
GListModel *
raming_actions_page_get_model (RamingActionsPage *self)
{
  g_return_val_if_fail (RAMING_IS_ACTIONS_PAGE (self), NULL);
  return self->selection ? G_LIST_MODEL (self->selection) : NULL;
}
