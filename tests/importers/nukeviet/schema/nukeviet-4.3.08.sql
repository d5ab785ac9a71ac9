-- NukeViet 4.3.08: modules/news/action_mysql.php and install/action_mysql.php

CREATE TABLE {prefix}_config (
  lang varchar(3) NOT NULL DEFAULT 'sys',
  module varchar(50) NOT NULL DEFAULT 'global',
  config_name varchar(30) NOT NULL DEFAULT '',
  config_value text,
  UNIQUE KEY lang (lang,module,config_name)
) ENGINE=MyISAM;

CREATE TABLE {table}_cat (
      catid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
      parentid smallint(5) unsigned NOT NULL DEFAULT '0',
      title varchar(250) NOT NULL,
      titlesite varchar(250) DEFAULT '',
      alias varchar(250) NOT NULL DEFAULT '',
      description text,
      descriptionhtml text,
      image varchar(255) DEFAULT '',
      viewdescription tinyint(2) NOT NULL DEFAULT '0',
      weight smallint(5) unsigned NOT NULL DEFAULT '0',
      sort smallint(5) NOT NULL DEFAULT '0',
      lev smallint(5) NOT NULL DEFAULT '0',
      viewcat varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
      numsubcat smallint(5) NOT NULL DEFAULT '0',
      subcatid varchar(255) DEFAULT '',
      numlinks tinyint(2) unsigned NOT NULL DEFAULT '3',
      newday tinyint(2) unsigned NOT NULL DEFAULT '2',
      featured int(11) NOT NULL DEFAULT '0',
      ad_block_cat varchar(255) NOT NULL DEFAULT '',
      keywords text,
      admins text,
      add_time int(11) unsigned NOT NULL DEFAULT '0',
      edit_time int(11) unsigned NOT NULL DEFAULT '0',
      groups_view varchar(255) DEFAULT '',
      status smallint(4) NOT NULL DEFAULT '1',
      PRIMARY KEY (catid),
      UNIQUE KEY alias (alias),
      KEY parentid (parentid),
      KEY status (status)
) ENGINE=MyISAM;

CREATE TABLE {table}_sources (
     sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
     title varchar(250) NOT NULL DEFAULT '',
     link varchar(255) DEFAULT '',
     logo varchar(255) DEFAULT '',
     weight mediumint(8) unsigned NOT NULL DEFAULT '0',
     add_time int(11) unsigned NOT NULL,
     edit_time int(11) unsigned NOT NULL,
     PRIMARY KEY (sourceid),
     UNIQUE KEY title (title)
) ENGINE=MyISAM;

CREATE TABLE {table}_topics (
     topicid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
     title varchar(250) NOT NULL DEFAULT '',
     alias varchar(250) NOT NULL DEFAULT '',
     image varchar(255) DEFAULT '',
     description varchar(255) DEFAULT '',
     weight smallint(5) NOT NULL DEFAULT '0',
     keywords text,
     add_time int(11) NOT NULL DEFAULT '0',
     edit_time int(11) NOT NULL DEFAULT '0',
     PRIMARY KEY (topicid),
     UNIQUE KEY title (title),
     UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {table}_block_cat (
     bid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
     adddefault tinyint(4) NOT NULL DEFAULT '0',
     numbers smallint(5) NOT NULL DEFAULT '10',
     title varchar(250) NOT NULL DEFAULT '',
     alias varchar(250) NOT NULL DEFAULT '',
     image varchar(255) DEFAULT '',
     description varchar(255) DEFAULT '',
     weight smallint(5) NOT NULL DEFAULT '0',
     keywords text,
     add_time int(11) NOT NULL DEFAULT '0',
     edit_time int(11) NOT NULL DEFAULT '0',
     PRIMARY KEY (bid),
     UNIQUE KEY title (title),
     UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {table}_block (
     bid smallint(5) unsigned NOT NULL,
     id int(11) unsigned NOT NULL,
     weight int(11) unsigned NOT NULL,
     UNIQUE KEY bid (bid,id)
) ENGINE=MyISAM;

CREATE TABLE {table}_rows (
     id int(11) unsigned NOT NULL auto_increment,
     catid smallint(5) unsigned NOT NULL default '0',
     listcatid varchar(255) NOT NULL default '',
     topicid smallint(5) unsigned NOT NULL default '0',
     admin_id mediumint(8) unsigned NOT NULL default '0',
     author varchar(250) default '',
     sourceid mediumint(8) NOT NULL default '0',
     addtime int(11) unsigned NOT NULL default '0',
     edittime int(11) unsigned NOT NULL default '0',
     status tinyint(4) NOT NULL default '1',
     weight int(11) unsigned NOT NULL default '0',
     publtime int(11) unsigned NOT NULL default '0',
     exptime int(11) unsigned NOT NULL default '0',
     archive tinyint(1) unsigned NOT NULL default '0',
     title varchar(250) NOT NULL default '',
     alias varchar(250) NOT NULL default '',
     hometext text NOT NULL,
     homeimgfile varchar(255) default '',
     homeimgalt varchar(255) default '',
     homeimgthumb tinyint(4) NOT NULL default '0',
     inhome tinyint(1) unsigned NOT NULL default '0',
     allowed_comm varchar(255) default '',
     allowed_rating tinyint(1) unsigned NOT NULL default '0',
     external_link tinyint(1) unsigned NOT NULL default '0',
     hitstotal mediumint(8) unsigned NOT NULL default '0',
     hitscm mediumint(8) unsigned NOT NULL default '0',
     total_rating int(11) NOT NULL default '0',
     click_rating int(11) NOT NULL default '0',
     instant_active tinyint(1) NOT NULL default '0',
     instant_template varchar(100) NOT NULL default '',
     instant_creatauto tinyint(1) NOT NULL default '0',
     PRIMARY KEY (id),
     KEY catid (catid),
     KEY topicid (topicid),
     KEY admin_id (admin_id),
     KEY author (author),
     KEY title (title),
     KEY addtime (addtime),
     KEY edittime (edittime),
     KEY publtime (publtime),
     KEY exptime (exptime),
     KEY status (status),
     KEY instant_active (instant_active),
     KEY instant_creatauto (instant_creatauto)
) ENGINE=MyISAM;

CREATE TABLE {table}_detail (
     id int(11) unsigned NOT NULL,
     titlesite varchar(255) NOT NULL DEFAULT '',
     description text NOT NULL,
     bodyhtml longtext NOT NULL,
     keywords varchar(255) default '',
     sourcetext varchar(255) default '',
     files TEXT NULL,
     imgposition tinyint(1) NOT NULL default '1',
     layout_func varchar(100) DEFAULT '',
     copyright tinyint(1) NOT NULL default '0',
     allowed_send tinyint(1) NOT NULL default '0',
     allowed_print tinyint(1) NOT NULL default '0',
     allowed_save tinyint(1) NOT NULL default '0',
     PRIMARY KEY (id)
) ENGINE=MyISAM;

CREATE TABLE {table}_logs (
     id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
     sid mediumint(8) NOT NULL DEFAULT '0',
     userid mediumint(8) unsigned NOT NULL DEFAULT '0',
     status tinyint(4) NOT NULL DEFAULT '0',
     note varchar(255) NOT NULL,
     set_time int(11) unsigned NOT NULL DEFAULT '0',
     PRIMARY KEY (id),
     KEY sid (sid),
     KEY userid (userid)
) ENGINE=MyISAM;

CREATE TABLE {table}_config_post (
     group_id smallint(5) NOT NULL,
     addcontent tinyint(4) NOT NULL,
     postcontent tinyint(4) NOT NULL,
     editcontent tinyint(4) NOT NULL,
     delcontent tinyint(4) NOT NULL,
     PRIMARY KEY (group_id)
) ENGINE=MyISAM;

CREATE TABLE {table}_admins (
     userid mediumint(8) unsigned NOT NULL default '0',
     catid smallint(5) NOT NULL default '0',
     admin tinyint(4) NOT NULL default '0',
     add_content tinyint(4) NOT NULL default '0',
     pub_content tinyint(4) NOT NULL default '0',
     edit_content tinyint(4) NOT NULL default '0',
     del_content tinyint(4) NOT NULL default '0',
     app_content tinyint(4) NOT NULL default '0',
     UNIQUE KEY userid (userid,catid)
) ENGINE=MyISAM;

CREATE TABLE {table}_tags (
     tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
     numnews mediumint(8) NOT NULL DEFAULT '0',
     alias varchar(250) NOT NULL DEFAULT '',
     image varchar(255) DEFAULT '',
     description text,
     keywords varchar(255) DEFAULT '',
     PRIMARY KEY (tid),
     UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {table}_tags_id (
     id int(11) NOT NULL,
     tid mediumint(9) NOT NULL,
     keyword varchar(65) NOT NULL,
     UNIQUE KEY id_tid (id,tid),
     KEY tid (tid)
) ENGINE=MyISAM;

CREATE TABLE {table}_tmp (
      id mediumint(8) unsigned NOT NULL,
      admin_id int(11) NOT NULL DEFAULT '0',
      time_edit int(11) NOT NULL,
      time_late int(11) NOT NULL,
      ip varchar(50) NOT NULL,
      PRIMARY KEY (id)
) ENGINE=MyISAM;
