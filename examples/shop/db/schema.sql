-- Northwind Goods web shop (MySQL 8).

CREATE TABLE `customers` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(254) NOT NULL COMMENT 'login and order mails',
  `password_hash` CHAR(60) NOT NULL,
  `first_name` VARCHAR(80) NOT NULL,
  `last_name` VARCHAR(80) NOT NULL,
  `phone` VARCHAR(32) DEFAULT NULL,
  `date_of_birth` DATE DEFAULT NULL COMMENT 'age check for some products',
  `newsletter_consent_at` DATETIME DEFAULT NULL,
  `created_at` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_customers_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `addresses` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` BIGINT UNSIGNED NOT NULL,
  `street` VARCHAR(200) NOT NULL,
  `postal_code` VARCHAR(16) NOT NULL,
  `city` VARCHAR(100) NOT NULL,
  `country_code` CHAR(2) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `orders` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` BIGINT UNSIGNED NOT NULL,
  `shipping_address_id` BIGINT UNSIGNED NOT NULL,
  `total_cents` INT NOT NULL,
  `status` ENUM('new','paid','shipped','returned') NOT NULL DEFAULT 'new',
  `placed_at` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `payments` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `order_id` BIGINT UNSIGNED NOT NULL,
  `card_holder_name` VARCHAR(120) NOT NULL,
  `card_last4` CHAR(4) NOT NULL,
  `card_token` VARCHAR(64) NOT NULL COMMENT 'PSP token, never the PAN',
  `iban` VARCHAR(34) DEFAULT NULL COMMENT 'refunds by bank transfer',
  `amount_cents` INT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `chat_messages` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` BIGINT UNSIGNED DEFAULT NULL,
  `agent` VARCHAR(60) DEFAULT NULL,
  `body` TEXT NOT NULL COMMENT 'what the customer wrote to support',
  `sent_at` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `devices` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `customer_id` BIGINT UNSIGNED DEFAULT NULL,
  `ip_address` VARCHAR(45) NOT NULL,
  `user_agent` VARCHAR(512) NOT NULL,
  `device_fingerprint` CHAR(64) NOT NULL,
  `latitude` DECIMAL(9,6) DEFAULT NULL,
  `longitude` DECIMAL(9,6) DEFAULT NULL,
  `first_seen` DATETIME NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

CREATE TABLE `products` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(200) NOT NULL,
  `description` TEXT,
  `price_cents` INT NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;
