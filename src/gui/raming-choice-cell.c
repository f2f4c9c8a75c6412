/* raming-choice-cell.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "raming-choice-cell.h"
#include "raming-gui-util.h"

/* ---------------------------------------------------------------- */
/* RamingChoiceCell: a drop-down bound to an enum property */

struct _RamingChoiceCell
{
  GtkWidget parent_instance;

  GtkWidget *drop_down;
  char *property;
  char *accessible_name;

  RamingDocument *document;
  GObject *item;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (RamingChoiceCell, raming_choice_cell, GTK_TYPE_WIDGET)

static void
choice_update (RamingChoiceCell *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  if (self->item == NULL)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), self->property);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (self->item, self->property, &value);

  self->updating = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->drop_down), (guint) g_value_get_enum (&value));
  self->updating = FALSE;
}

static void
on_selected_changed (RamingChoiceCell *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(RamingDocument) document = NULL;
  GParamSpec *pspec;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->drop_down));

  if (self->updating || self->item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->item), self->property);
  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, (int) selected);
  document = g_object_ref (self->document);
  raming_document_edit_property (document, self->item, self->property, &value);
}

static void
raming_choice_cell_dispose (GObject *object)
{
  RamingChoiceCell *self = (RamingChoiceCell *) object;

  raming_choice_cell_unbind (self);
  g_clear_pointer (&self->drop_down, gtk_widget_unparent);

  G_OBJECT_CLASS (raming_choice_cell_parent_class)->dispose (object);
}

static void
raming_choice_cell_finalize (GObject *object)
{
  RamingChoiceCell *self = (RamingChoiceCell *) object;

  g_free (self->property);
  g_free (self->accessible_name);

  G_OBJECT_CLASS (raming_choice_cell_parent_class)->finalize (object);
}

static void
raming_choice_cell_class_init (RamingChoiceCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_choice_cell_dispose;
  object_class->finalize = raming_choice_cell_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "choicecell");
}

static void
raming_choice_cell_init (RamingChoiceCell *self)
{
}

GtkWidget *
raming_choice_cell_new (const char         *property,
                        const char * const *labels,
                        const char         *accessible_name)
{
  RamingChoiceCell *self = g_object_new (RAMING_TYPE_CHOICE_CELL, NULL);

  self->property = g_strdup (property);
  self->accessible_name = g_strdup (accessible_name);
  self->drop_down = gtk_drop_down_new_from_strings (labels);
  gtk_widget_add_css_class (self->drop_down, "flat");
  gtk_widget_set_parent (self->drop_down, GTK_WIDGET (self));
  raming_gui_set_tooltip_text (self->drop_down, accessible_name);
  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
raming_choice_cell_bind (RamingChoiceCell *self,
                         RamingDocument   *document,
                         GObject          *item)
{
  g_autofree char *notify = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RAMING_IS_CHOICE_CELL (self));

  if (self->item == item && self->document == document)
    return;

  raming_choice_cell_unbind (self);
  self->document = g_object_ref (document);
  self->item = g_object_ref (item);

  notify = g_strdup_printf ("notify::%s", self->property);
  g_signal_connect_object (item, notify, G_CALLBACK (choice_update), self, G_CONNECT_SWAPPED);

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "name"))
    g_object_get (item, "name", &title, NULL);
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), "title"))
    g_object_get (item, "title", &title, NULL);
  name = g_strdup_printf (_("%s, %s"), self->accessible_name ? self->accessible_name : "", title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  choice_update (self);
}

void
raming_choice_cell_unbind (RamingChoiceCell *self)
{
  g_return_if_fail (RAMING_IS_CHOICE_CELL (self));

  if (self->item == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  g_clear_object (&self->document);
}

GtkDropDown *
raming_choice_cell_get_drop_down (RamingChoiceCell *self)
{
  g_return_val_if_fail (RAMING_IS_CHOICE_CELL (self), NULL);
  return GTK_DROP_DOWN (self->drop_down);
}

GObject *
raming_choice_cell_get_item (RamingChoiceCell *self)
{
  g_return_val_if_fail (RAMING_IS_CHOICE_CELL (self), NULL);
  return self->item;
}

/* ---------------------------------------------------------------- */
/* RamingLinksCell: the measures an item serves */

struct _RamingLinksCell
{
  GtkWidget parent_instance;

  GtkWidget *button;
  GtkWidget *label;
  GtkWidget *popover;
  GtkWidget *box;

  RamingDocument *document;
  GObject *item;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (RamingLinksCell, raming_links_cell, GTK_TYPE_WIDGET)

typedef struct
{
  GStrv          ids;
  GString       *titles;
} CollectData;

static void
collect_title (gpointer item,
               gpointer user_data)
{
  RamingMeasure *measure = item;
  CollectData *data = user_data;

  if (data->ids != NULL && g_strv_contains ((const char * const *) data->ids, raming_measure_get_id (measure)))
    {
      if (data->titles->len > 0)
        g_string_append (data->titles, ", ");
      g_string_append (data->titles, raming_measure_get_title (measure));
    }
}

static void
links_update (RamingLinksCell *self)
{
  CollectData data = { NULL, g_string_new (NULL) };
  g_autofree char *name = NULL;

  if (self->item != NULL)
    {
      g_object_get (self->item, "measures", &data.ids, NULL);
      raming_document_foreach_measure (self->document, collect_title, &data);
    }

  gtk_label_set_label (GTK_LABEL (self->label), data.titles->len ? data.titles->str : "–");
  raming_gui_set_tooltip_text (self->button,
                               data.titles->len ? data.titles->str : _("Not linked to a measure"));
  /* Translators: accessible name of a button; %s lists measures */
  name = g_strdup_printf (_("Linked measures: %s"), data.titles->len ? data.titles->str : _("none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_strfreev (data.ids);
  g_string_free (data.titles, TRUE);
}

static void
on_check_toggled (RamingLinksCell *self,
                  GtkCheckButton  *check)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) current = NULL;

  if (self->updating || self->item == NULL)
    return;

  /* In table order, from the check boxes as they are now. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "raming-id"));

  /* Ids of measures that are no longer in the document stay. */
  g_object_get (self->item, "measures", &current, NULL);
  for (guint i = 0; current && current[i]; i++)
    if (raming_document_find_measure (self->document, current[i]) == NULL)
      g_strv_builder_add (builder, current[i]);

  ids = g_strv_builder_end (builder);
  raming_document_edit (self->document, self->item, "measures", ids, NULL);
}

static void
add_check (gpointer item,
           gpointer user_data)
{
  RamingLinksCell *self = user_data;
  RamingMeasure *measure = item;
  g_auto(GStrv) ids = NULL;
  GtkWidget *check;

  g_object_get (self->item, "measures", &ids, NULL);
  check = gtk_check_button_new_with_label (raming_measure_get_title (measure));
  gtk_widget_set_margin_start (check, 18 * raming_measure_get_depth (measure));
  g_object_set_data_full (G_OBJECT (check), "raming-id", g_strdup (raming_measure_get_id (measure)), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               ids != NULL && g_strv_contains ((const char * const *) ids,
                                                               raming_measure_get_id (measure)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), check);
}

static void
on_popover_show (RamingLinksCell *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);
  if (self->item == NULL)
    return;
  self->updating = TRUE;
  raming_document_foreach_measure (self->document, add_check, self);
  self->updating = FALSE;
}

static void
on_button_clicked (RamingLinksCell *self)
{
  on_popover_show (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
raming_links_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  RamingLinksCell *self = RAMING_LINKS_CELL (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
raming_links_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  RamingLinksCell *self = RAMING_LINKS_CELL (widget);

  gtk_widget_measure (self->button, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
raming_links_cell_dispose (GObject *object)
{
  RamingLinksCell *self = (RamingLinksCell *) object;

  raming_links_cell_unbind (self);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (raming_links_cell_parent_class)->dispose (object);
}

static void
raming_links_cell_class_init (RamingLinksCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_links_cell_dispose;

  widget_class->measure = raming_links_cell_measure;
  widget_class->size_allocate = raming_links_cell_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "linkscell");
}

static void
raming_links_cell_init (RamingLinksCell *self)
{
  GtkWidget *scrolled;
  GtkWidget *heading;
  GtkWidget *vbox;

  /* A plain button and a popover of our own: a GtkMenuButton of GTK 4.8
   * centres its label, and these are lists to read. */
  self->button = gtk_button_new ();
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "links-button");
  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_button_set_child (GTK_BUTTON (self->button), self->label);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (on_button_clicked), self, G_CONNECT_SWAPPED);

  self->popover = gtk_popover_new ();
  vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("Linked Measures"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (vbox), heading);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->box);
  gtk_box_append (GTK_BOX (vbox), scrolled);
  gtk_popover_set_child (GTK_POPOVER (self->popover), vbox);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

GtkWidget *
raming_links_cell_new (void)
{
  return g_object_new (RAMING_TYPE_LINKS_CELL, NULL);
}

void
raming_links_cell_bind (RamingLinksCell *self,
                        RamingDocument  *document,
                        GObject         *item)
{
  g_return_if_fail (RAMING_IS_LINKS_CELL (self));

  if (self->item == item && self->document == document)
    return;

  raming_links_cell_unbind (self);
  self->document = g_object_ref (document);
  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify::measures", G_CALLBACK (links_update), self, G_CONNECT_SWAPPED);
  /* Titles of the measures can change too. */
  g_signal_connect_object (document, "changed", G_CALLBACK (links_update), self, G_CONNECT_SWAPPED);
  links_update (self);
}

void
raming_links_cell_unbind (RamingLinksCell *self)
{
  g_return_if_fail (RAMING_IS_LINKS_CELL (self));

  if (self->item == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->item, self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->item);
  g_clear_object (&self->document);
}

const char *
raming_links_cell_get_text (RamingLinksCell *self)
{
  g_return_val_if_fail (RAMING_IS_LINKS_CELL (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->label));
}

GObject *
raming_links_cell_get_item (RamingLinksCell *self)
{
  g_return_val_if_fail (RAMING_IS_LINKS_CELL (self), NULL);
  return self->item;
}
