/* raming-partners-page.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "raming-choice-cell.h"
#include "raming-gui-util.h"
#include "raming-partners-page.h"
#include "raming-property-cell.h"

/* The referrers (GPs, youth doctors, …) and partners (schools, childcare)
 * with the figures that formulas use as “huisartsen.dekking”: editing a
 * coverage here recomputes the estimates that depend on it at once. */

struct _RamingPartnersPage
{
  GtkWidget parent_instance;

  GtkWidget *toolbar;
  GtkWidget *stack;
  GtkColumnView *column_view;

  GtkSingleSelection *selection;
  RamingDocument *document;
};

G_DEFINE_FINAL_TYPE (RamingPartnersPage, raming_partners_page, GTK_TYPE_WIDGET)

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_COUNT,
  COLUMN_COVERAGE,
  COLUMN_TARGET_COVERAGE,
  COLUMN_REFERRALS,
  COLUMN_MEASURES,
} Column;

static void
update_actions (RamingPartnersPage *self)
{
  gboolean selected = self->selection != NULL &&
                      gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.add", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.remove", selected);
}

static void
update_empty (RamingPartnersPage *self)
{
  gboolean empty = self->document == NULL ||
                   g_list_model_get_n_items (raming_document_get_partners (self->document)) == 0;

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), empty ? "empty" : "table");
  update_actions (self);
}

static void
on_editing_started (RamingEditableCell *cell,
                    GtkListItem        *list_item)
{
  RamingPartnersPage *self = RAMING_PARTNERS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (cell),
                                                                             RAMING_TYPE_PARTNERS_PAGE));

  if (self != NULL && gtk_list_item_get_position (list_item) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            RamingPartnersPage       *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "raming-column"));
  GtkWidget *cell = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      cell = raming_property_cell_new ("name", RAMING_PROPERTY_TEXT, _("Name"));
      break;
    case COLUMN_KIND:
      {
        const char *labels[] = {
          raming_gui_partner_kind_name (RAMING_PARTNER_REFERRER),
          raming_gui_partner_kind_name (RAMING_PARTNER_PARTNER),
          NULL
        };

        cell = raming_choice_cell_new ("kind", labels, _("Kind"));
      }
      break;
    case COLUMN_COUNT:
      cell = raming_property_cell_new ("count", RAMING_PROPERTY_NUMBER, _("Number"));
      break;
    case COLUMN_COVERAGE:
      cell = raming_property_cell_new ("coverage", RAMING_PROPERTY_PERCENT, _("Coverage"));
      break;
    case COLUMN_TARGET_COVERAGE:
      cell = raming_property_cell_new ("target-coverage", RAMING_PROPERTY_PERCENT, _("Target coverage"));
      break;
    case COLUMN_REFERRALS:
      cell = raming_property_cell_new ("referrals", RAMING_PROPERTY_NUMBER, _("Referrals per year"));
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
update_name_tooltip (GtkWidget     *cell,
                     RamingPartner *partner)
{
  g_autoptr(GString) text = g_string_new (NULL);
  RamingDocument *document = g_object_get_data (G_OBJECT (cell), "raming-document");

  g_string_append_printf (text, _("Used in formulas as “%s.…”"), raming_partner_get_id (partner));
  if (raming_partner_get_note (partner))
    g_string_append_printf (text, "\n%s", raming_partner_get_note (partner));
  if (raming_partner_get_source (partner) && document != NULL)
    {
      RamingSource *source = raming_document_find_source (document, raming_partner_get_source (partner));
      const char *title = source && raming_source_get_title (source) ? raming_source_get_title (source)
                                                                       : raming_partner_get_source (partner);

      g_string_append_printf (text, "\n%s %s", _("Source:"), title);
      if (raming_partner_get_page (partner))
        g_string_append_printf (text, ", %s", raming_partner_get_page (partner));
    }
  raming_gui_set_tooltip_text (cell, text->str);
}

static void
on_partner_notify (GtkWidget     *editable,
                   GParamSpec    *pspec,
                   RamingPartner *partner)
{
  update_name_tooltip (editable, partner);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RamingPartnersPage       *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  if (RAMING_IS_PROPERTY_CELL (cell))
    {
      raming_property_cell_bind (RAMING_PROPERTY_CELL (cell), self->document, item);
      if (g_str_equal (raming_property_cell_get_property_name (RAMING_PROPERTY_CELL (cell)), "name"))
        {
          GtkWidget *editable = GTK_WIDGET (raming_property_cell_get_editable (RAMING_PROPERTY_CELL (cell)));

          GObject *bound = g_object_get_data (G_OBJECT (editable), "raming-partner");

          g_object_set_data (G_OBJECT (editable), "raming-document", self->document);
          update_name_tooltip (editable, RAMING_PARTNER (item));
          if (bound != item)
            {
              if (bound != NULL)
                g_signal_handlers_disconnect_by_data (bound, editable);
              g_object_set_data_full (G_OBJECT (editable), "raming-partner", g_object_ref (item), g_object_unref);
              g_signal_connect_object (item, "notify", G_CALLBACK (on_partner_notify), editable, G_CONNECT_SWAPPED);
            }
        }
    }
  else if (RAMING_IS_CHOICE_CELL (cell))
    raming_choice_cell_bind (RAMING_CHOICE_CELL (cell), self->document, item);
  else if (RAMING_IS_LINKS_CELL (cell))
    raming_links_cell_bind (RAMING_LINKS_CELL (cell), self->document, item);
}


static void
add_column (RamingPartnersPage *self,
            Column              column,
            const char         *title,
            int                 width)
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
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RamingPartnersPage *self = RAMING_PARTNERS_PAGE (widget);
  GListModel *partners = raming_document_get_partners (self->document);
  gboolean dutch = raming_document_get_language (self->document) == RAMING_LANGUAGE_NL;
  g_autofree char *id = raming_gui_unique_id (partners, "id", dutch ? "verwijzer" : "partner");
  g_autoptr(RamingPartner) partner = raming_partner_new (id, dutch ? "Nieuwe verwijzer" : "New referrer");
  guint position = g_list_model_get_n_items (partners);

  raming_document_insert_item (self->document, partners, position, partner);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RamingPartnersPage *self = RAMING_PARTNERS_PAGE (widget);
  RamingPartner *partner = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *message = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (partner == NULL)
    return;
  /* Translators: %s is the name of a referral partner */
  message = g_strdup_printf (_("Removed “%s”"), raming_partner_get_name (partner));
  raming_document_remove_item (self->document, raming_document_get_partners (self->document), position);
  raming_gui_show_undo_toast (widget, message);
}

gboolean
raming_partners_page_select_partner (RamingPartnersPage *self,
                                     RamingPartner      *partner)
{
  guint position;

  g_return_val_if_fail (RAMING_IS_PARTNERS_PAGE (self), FALSE);

  if (self->document == NULL ||
      !raming_gui_list_find (raming_document_get_partners (self->document), partner, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
raming_partners_page_dispose (GObject *object)
{
  RamingPartnersPage *self = (RamingPartnersPage *) object;

  raming_partners_page_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAMING_TYPE_PARTNERS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (raming_partners_page_parent_class)->dispose (object);
}

/* Set from code, not in the .ui file: see raming_gui_set_tooltip_text(). */
static const RamingGuiTooltip template_tooltips[] = {
  { "add_button", N_("Add a referral partner") },
  { "remove_button", N_("Remove the selected partner (Ctrl+Delete)") },
};

static void
raming_partners_page_class_init (RamingPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_partners_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raming/Raming/raming-partners-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "remove_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RamingPartnersPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RamingPartnersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RamingPartnersPage, column_view);

  gtk_widget_class_install_action (widget_class, "partners.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "partners.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "partners.remove", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "partnerspage");
}

static void
raming_partners_page_init (RamingPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  raming_gui_set_template_tooltips (GTK_WIDGET (self), RAMING_TYPE_PARTNERS_PAGE,
                                    template_tooltips, G_N_ELEMENTS (template_tooltips));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* Translators: column headers of the referral partners table */
  add_column (self, COLUMN_NAME, _("Name"), 0);
  add_column (self, COLUMN_KIND, _("Kind"), 230);
  add_column (self, COLUMN_COUNT, _("Number"), 90);
  add_column (self, COLUMN_COVERAGE, _("Coverage"), 100);
  add_column (self, COLUMN_TARGET_COVERAGE, _("Target Coverage"), 130);
  add_column (self, COLUMN_REFERRALS, _("Referrals per Year"), 150);
  add_column (self, COLUMN_MEASURES, _("Linked Measures"), 240);
  update_actions (self);
}

void
raming_partners_page_set_document (RamingPartnersPage *self,
                                   RamingDocument     *document)
{
  g_return_if_fail (RAMING_IS_PARTNERS_PAGE (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (raming_document_get_partners (self->document), self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
      gtk_column_view_set_model (self->column_view, NULL);
      g_clear_object (&self->selection);
      g_clear_object (&self->document);
    }

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->selection = gtk_single_selection_new (g_object_ref (raming_document_get_partners (document)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (raming_document_get_partners (document), "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
    }

  update_empty (self);
}
